package cn.renda.proposals.deputy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deputies' workspace ({@code proposals.deputy}).
 *
 * @param sessionTimeout a deputy idle for this long logs in again (the container's session may live longer: the
 *     webapps share it)
 */
@ConfigurationProperties("proposals.deputy")
public record DeputyProperties(@DefaultValue("PT30M") Duration sessionTimeout) {}
