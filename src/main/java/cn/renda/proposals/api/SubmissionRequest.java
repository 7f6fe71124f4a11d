package cn.renda.proposals.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/proposals} (DESIGN.md, "Interfaces other systems rely on"). */
@Schema(description = "提交议案或建议 / a proposal to submit")
public record SubmissionRequest(
    @Schema(description = "MOTION（议案）或 SUGGESTION（建议）", example = "MOTION") String kind,
    @Schema(description = "届次会议，如 2020", example = "2020") String session,
    @Schema(description = "案由（标题），5–200 个字符") String title,
    @Schema(description = "内容，至多 50,000 个字符") String content,
    @Schema(description = "领衔代表的用户名；代表本人提交时可省略", example = "maohongding") String leadDeputy,
    @Schema(description = "附议代表的用户名") List<String> coSigners) {}
