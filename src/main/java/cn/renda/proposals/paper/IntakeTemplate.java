package cn.renda.proposals.paper;

import cn.renda.proposals.agency.Agency;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The intake template (纸质议案建议登记表): one row per proposal received on paper, Chinese headers, drop-down lists
 * for the kind, the deputies (as 姓名（用户名）, which is unambiguous) and the agencies, and a sheet of instructions.
 */
final class IntakeTemplate {

  static final String SHEET = "议案建议登记";
  static final String LISTS = "选项";
  static final String REGISTER_NUMBER = "登记号";
  static final String KIND = "类型";
  static final String TITLE = "案由";
  static final String CONTENT = "内容";
  static final String LEAD_DEPUTY = "领衔代表";
  static final String CO_SIGNERS = "附议代表";
  static final String RECEIVED_ON = "收到日期";
  static final List<String> HEADERS = List.of(REGISTER_NUMBER, KIND, TITLE, CONTENT, LEAD_DEPUTY, CO_SIGNERS,
      RECEIVED_ON);
  /** Rows of the template that carry the drop-down lists. */
  static final int ROWS = PaperIntake.MAX_ROWS;

  private IntakeTemplate() {}

  /** A deputy as the template lists them: 毛宏定（maohongding）. */
  static String deputy(String id, String name) {
    return name + "（" + id + "）";
  }

  static byte[] write(String session, Map<String, String> deputies, List<Agency> agencies) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(SHEET);
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      Row headers = sheet.createRow(0);
      int[] widths = {10, 6, 40, 60, 20, 50, 12};
      for (int c = 0; c < HEADERS.size(); c++) {
        headers.createCell(c).setCellValue(HEADERS.get(c));
        headers.getCell(c).setCellStyle(header);
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      sheet.createFreezePane(0, 1);
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      for (int c = 0; c < HEADERS.size() - 1; c++) {
        sheet.setDefaultColumnStyle(c, text);
      }
      CellStyle day = workbook.createCellStyle();
      day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      sheet.setDefaultColumnStyle(HEADERS.size() - 1, day);

      Sheet lists = workbook.createSheet(LISTS);
      lists.createRow(0).createCell(0).setCellValue(KIND);
      lists.getRow(0).createCell(1).setCellValue("代表");
      lists.getRow(0).createCell(2).setCellValue("单位");
      List<String> kinds = List.of("议案", "建议");
      List<String> names = deputies.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(e -> deputy(e.getKey(), e.getValue()))
          .toList();
      int rows = Math.max(Math.max(kinds.size(), names.size()), agencies.size());
      for (int r = 0; r < rows; r++) {
        Row row = lists.createRow(r + 1);
        if (r < kinds.size()) {
          row.createCell(0).setCellValue(kinds.get(r));
        }
        if (r < names.size()) {
          row.createCell(1).setCellValue(names.get(r));
        }
        if (r < agencies.size()) {
          row.createCell(2).setCellValue(agencies.get(r).name() + "（" + agencies.get(r).code() + "）");
        }
      }
      lists.setColumnWidth(1, 24 * 256);
      lists.setColumnWidth(2, 28 * 256);

      DataValidationHelper validations = sheet.getDataValidationHelper();
      dropDown(sheet, validations, validations.createFormulaListConstraint(LISTS + "!$A$2:$A$3"), 1,
          "类型", "请从列表中选择：议案 或 建议");
      if (!names.isEmpty()) {
        dropDown(sheet, validations, validations.createFormulaListConstraint(
            LISTS + "!$B$2:$B$" + (names.size() + 1)), 4, "领衔代表", "请从代表名单中选择");
      }

      Sheet help = workbook.createSheet("填写说明");
      String[] lines = {
          "纸质议案建议登记表（届次会议 " + session + "）",
          "每行登记一件纸质议案或建议；登记号在本届次会议内唯一，重复上传同一文件不会重复登记。",
          "类型：议案 或 建议。议案须由 10 名以上代表联名（含领衔代表）。",
          "领衔代表、附议代表：填写“姓名（用户名）”（见“选项”表），或用户名；附议代表之间用顿号、逗号或空格分隔。",
          "附议代表的签名以纸质原件为准，登记时记为纸质签名确认。",
          "收到日期：纸质原件的收到日期（如 2027-01-15），不填则为登记当天。",
          "请勿使用公式；案由 5 至 200 字，内容不超过 50000 字。"};
      for (int i = 0; i < lines.length; i++) {
        help.createRow(i).createCell(0).setCellValue(lines[i]);
      }
      help.setColumnWidth(0, 110 * 256);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void dropDown(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
      int column, String title, String prompt) {
    DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, ROWS, column,
        column));
    validation.setShowErrorBox(true);
    validation.createErrorBox(title, prompt);
    validation.setShowPromptBox(true);
    validation.createPromptBox(title, prompt);
    sheet.addValidationData(validation);
  }
}
