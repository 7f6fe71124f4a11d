package cn.renda.proposals.statistics;

import cn.renda.proposals.proposal.Labelled;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The league table as an Excel workbook (.xlsx): the table's columns with their Chinese headers, one row per agency
 * the caller may see and the county's totals; a second sheet explains every figure. Rates are numbers formatted as
 * percentages, so the sheet computes with them.
 */
@Component
public class ExcelExport {

  /** The header row (0-based) of the table sheet: the title and the filter come first, then the groups. */
  public static final int HEADER_ROW = 3;
  public static final String TABLE_SHEET = "办理统计";
  public static final String DEFINITIONS_SHEET = "指标说明";
  public static final String RANK = "排名";
  public static final String AGENCY = "单位";
  public static final String SCORE = "综合得分";
  public static final String COUNTY = "全县合计";
  private static final int LEADING_COLUMNS = 3;

  public void write(LeagueTable table, OutputStream out) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Styles styles = new Styles(workbook);
      tableSheet(workbook.createSheet(TABLE_SHEET), table, styles);
      definitionsSheet(workbook.createSheet(DEFINITIONS_SHEET), table.weights(), styles);
      workbook.write(out);
    }
  }

  private void tableSheet(Sheet sheet, LeagueTable table, Styles styles) {
    Figure[] figures = Figure.values();
    int lastColumn = LEADING_COLUMNS + figures.length - 1;
    text(sheet.createRow(0), 0, "人大代表议案建议办理统计（" + table.query().session() + "）", styles.title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastColumn));
    text(sheet.createRow(1), 0, describe(table.query(), table.asOf()), null);
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, lastColumn));

    Row groups = sheet.createRow(HEADER_ROW - 1);
    Row header = sheet.createRow(HEADER_ROW);
    text(header, 0, RANK, styles.header);
    text(header, 1, AGENCY, styles.header);
    text(header, 2, SCORE, styles.header);
    for (int i = 0; i < LEADING_COLUMNS; i++) {
      text(groups, i, "", styles.header);
    }
    int column = LEADING_COLUMNS;
    int groupStart = column;
    for (int i = 0; i < figures.length; i++) {
      text(header, column, figures[i].label(), styles.header);
      text(groups, column, i == 0 || figures[i].group() != figures[i - 1].group() ? figures[i].group().label() : "",
          styles.header);
      boolean groupEnds = i == figures.length - 1 || figures[i + 1].group() != figures[i].group();
      if (groupEnds) {
        if (column > groupStart) {
          sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, groupStart, column));
        }
        groupStart = column + 1;
      }
      column++;
    }

    int rowNumber = HEADER_ROW + 1;
    for (LeagueTable.Row agency : table.agencies()) {
      Row row = sheet.createRow(rowNumber++);
      if (agency.rank() != null) {
        number(row, 0, agency.rank(), styles.count);
      }
      text(row, 1, agency.agency().name(), null);
      if (agency.score() != null) {
        number(row, 2, agency.score(), styles.score);
      }
      values(row, agency.figures(), styles);
    }
    Row county = sheet.createRow(rowNumber);
    text(county, 1, COUNTY, styles.bold);
    values(county, table.county(), styles);

    sheet.createFreezePane(2, HEADER_ROW + 1);
    sheet.setColumnWidth(0, 6 * 256);
    sheet.setColumnWidth(1, 20 * 256);
    sheet.setColumnWidth(2, 10 * 256);
    for (int i = 0; i < figures.length; i++) {
      sheet.setColumnWidth(LEADING_COLUMNS + i, Math.max(10, figures[i].label().length() * 2 + 2) * 256);
    }
  }

  private void values(Row row, Map<String, Number> values, Styles styles) {
    int column = LEADING_COLUMNS;
    for (Figure figure : Figure.values()) {
      Number value = values.get(figure.key());
      if (value != null) {
        CellStyle style = switch (figure.type()) {
          case RATE -> styles.rate;
          case MEDIAN -> styles.decimal;
          case COUNT, DAYS -> styles.count;
        };
        number(row, column, value.doubleValue(), style);
      }
      column++;
    }
  }

  private void definitionsSheet(Sheet sheet, LeagueTable.Weights weights, Styles styles) {
    Row header = sheet.createRow(0);
    text(header, 0, "分组", styles.header);
    text(header, 1, "指标", styles.header);
    text(header, 2, "说明", styles.header);
    int rowNumber = 1;
    for (Figure figure : Figure.values()) {
      Row row = sheet.createRow(rowNumber++);
      text(row, 0, figure.group().label(), null);
      text(row, 1, figure.label(), null);
      text(row, 2, figure.definition(), styles.wrap);
    }
    Row score = sheet.createRow(rowNumber);
    text(score, 0, "排名", null);
    text(score, 1, SCORE, null);
    text(score, 2, scoreDefinition(weights), styles.wrap);
    sheet.setColumnWidth(0, 16 * 256);
    sheet.setColumnWidth(1, 24 * 256);
    sheet.setColumnWidth(2, 90 * 256);
  }

  /** How the composite score is made, with the weights in force. */
  public static String scoreDefinition(LeagueTable.Weights weights) {
    return "综合得分 = 按时答复率 × " + weights.onTimeRate() + " + 满意率（重新办理后）× " + weights.finalSatisfactionRate()
        + " + 办成率 × " + weights.resolutionRate() + " + 协办意见按时率 × " + weights.coOnTimeRate()
        + "，再除以所计权重之和，满分100，保留一位小数。某项比率尚无分母（如尚无到期答复、尚无评价）时，该项及其权重不计。"
        + "得分相同的单位名次并列。";
  }

  private static String describe(StatisticsQuery query, LocalDate asOf) {
    StringBuilder text = new StringBuilder("届次会议：").append(query.session());
    text.append("；类型：").append(label(query.kind(), "全部"));
    text.append("；类别：").append(label(query.priority(), "全部"));
    if (query.assignedFrom() != null || query.assignedTo() != null) {
      text.append("；交办日期：").append(query.assignedFrom() == null ? "" : day(query.assignedFrom())).append(" 至 ")
          .append(query.assignedTo() == null ? "" : day(query.assignedTo()));
    }
    text.append("；统计日期：").append(day(asOf));
    return text.toString();
  }

  private static String label(Labelled value, String none) {
    return value == null ? none : value.label();
  }

  private static String day(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static void number(Row row, int column, double value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  /** The workbook's cell styles, made once. */
  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle bold;
    final CellStyle count;
    final CellStyle decimal;
    final CellStyle score;
    final CellStyle rate;
    final CellStyle wrap;

    Styles(XSSFWorkbook workbook) {
      Font boldFont = workbook.createFont();
      boldFont.setBold(true);
      Font titleFont = workbook.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 14);
      title = workbook.createCellStyle();
      title.setFont(titleFont);
      header = workbook.createCellStyle();
      header.setFont(boldFont);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setWrapText(true);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      bold = workbook.createCellStyle();
      bold.setFont(boldFont);
      short format = workbook.createDataFormat().getFormat("0");
      count = workbook.createCellStyle();
      count.setDataFormat(format);
      decimal = workbook.createCellStyle();
      decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
      score = decimal;
      rate = workbook.createCellStyle();
      rate.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
      wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
    }
  }
}
