package cn.renda.proposals.paper;

import cn.renda.proposals.web.Problem;

/**
 * A refused cell of an uploaded sheet: where (the cell reference, e.g. {@code C5}, its row and its column's header)
 * and why, in Chinese and English. A fault of the whole file names the cell {@code file}.
 */
public record CellError(String cell, int row, String column, String code, String messageZh, String messageEn) {

  static CellError ofFile(String code, String messageZh, String messageEn) {
    return new CellError("file", 0, null, code, messageZh, messageEn);
  }

  /** As a field of a problem+json refusal: the cell is the field, the reason says row and column in Chinese. */
  Problem.FieldError asFieldError() {
    if (row == 0) {
      return new Problem.FieldError(cell, code, messageZh, messageEn);
    }
    return new Problem.FieldError(cell, code, "第" + row + "行「" + column + "」：" + messageZh,
        "row " + row + ", column " + column + ": " + messageEn);
  }
}
