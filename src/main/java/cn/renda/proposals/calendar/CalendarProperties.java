package cn.renda.proposals.calendar;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working-day calendar ({@code proposals.calendar}).
 *
 * @param files holiday files in the format of {@code calendar/cn-holidays-2019-2026.json}, merged in order (later
 *     files win); add next year's file here when the State Council publishes it
 * @param zone the business time zone: a date is due at the end of that day in this zone
 */
@ConfigurationProperties("proposals.calendar")
public record CalendarProperties(
    @DefaultValue("classpath:calendar/cn-holidays-2019-2026.json") List<String> files,
    @DefaultValue("Asia/Shanghai") ZoneId zone) {}
