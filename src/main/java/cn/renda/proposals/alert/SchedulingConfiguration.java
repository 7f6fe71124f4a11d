package cn.renda.proposals.alert;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Checks that run on a schedule of their own ({@link CalendarAlerts}); disabled by a cron of {@code -}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
