package cn.renda.proposals.calendar;

import java.time.LocalDate;

/**
 * A day the arrangement names: a holiday or a make-up working day, with the name given to it (e.g. {@code 春节}, or
 * the bundled files' {@code Spring Festival,春节,3}). Every other day is a working day from Monday to Friday.
 */
public record SpecialDay(LocalDate date, DayKind kind, String name) {}
