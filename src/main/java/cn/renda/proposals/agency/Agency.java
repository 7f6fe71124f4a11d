package cn.renda.proposals.agency;

/** An agency (单位) that can lead or co-handle proposals, e.g. {@code zfw} 县委政法委. */
public record Agency(String code, String name) {}
