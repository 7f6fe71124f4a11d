package cn.renda.proposals.statistics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The league table's composite score ({@code proposals.statistics}): a weighted mean of four rates, in points of 100.
 * A rate an agency has no cases for (no reply due yet, nothing evaluated …) leaves its weight out, so that an agency
 * is neither punished nor rewarded for what it was not given; an agency without any of the first three (one that was
 * only co-agency) has no score and no rank.
 *
 * @param onTimeWeight weight of 按时答复率
 * @param satisfactionWeight weight of 满意率 after rehandling
 * @param resolutionWeight weight of 办成率
 * @param coOpinionWeight weight of the co-agency's 协办意见按时率
 */
@Validated
@ConfigurationProperties("proposals.statistics")
public record StatisticsProperties(
    @DefaultValue("40") @Min(0) @Max(100) int onTimeWeight,
    @DefaultValue("30") @Min(0) @Max(100) int satisfactionWeight,
    @DefaultValue("20") @Min(0) @Max(100) int resolutionWeight,
    @DefaultValue("10") @Min(0) @Max(100) int coOpinionWeight) {}
