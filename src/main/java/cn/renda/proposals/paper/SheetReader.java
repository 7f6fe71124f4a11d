package cn.renda.proposals.paper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.EmptyFileException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded .xlsx defensively: only Office Open XML (an .xls renamed .xlsx is refused with a reason), no zip
 * bombs (POI's inflate-ratio and entry-size limits), no formulas, no dates where text belongs, no oversized cells.
 * Cells come out as text or days; every refusal names its cell.
 */
final class SheetReader {

  /** The longest text a cell may hold; longer ones are refused before any rule reads them. */
  static final int CELL_MAX = 50_000;
  static final long ENTRY_MAX = 100L * 1024 * 1024;

  static {
    // the defaults, stated: a part that inflates more than 100-fold, or beyond 100 MB, is a zip bomb
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(ENTRY_MAX);
  }

  private static final DataFormatter NUMBERS = new DataFormatter();

  private SheetReader() {}

  /** The workbook, or the reason it is not one (as a file-level error). */
  static XSSFWorkbook open(byte[] file, List<CellError> errors) {
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(file));
    } catch (OLE2NotOfficeXmlFileException e) {
      errors.add(CellError.ofFile("format", "文件是旧版 Excel（.xls）格式，请在 Excel 中另存为 .xlsx 后再上传",
          "the file is an old Excel (.xls) workbook: save it as .xlsx"));
    } catch (NotOfficeXmlFileException | EmptyFileException e) {
      errors.add(CellError.ofFile("format", "文件不是 Excel（.xlsx）文件", "the file is not an Excel (.xlsx) workbook"));
    } catch (IOException | POIXMLException | IllegalStateException e) {
      if (zipBomb(e)) {
        errors.add(CellError.ofFile("zip-bomb", "文件解压后异常膨胀（疑似压缩炸弹），已拒绝",
            "the file inflates beyond the limits (a zip bomb?)"));
      } else {
        errors.add(CellError.ofFile("format", "无法读取 Excel 文件：文件已损坏或不是 .xlsx",
            "cannot read the workbook: damaged or not .xlsx"));
      }
    }
    return null;
  }

  private static boolean zipBomb(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("Zip bomb") || message.contains("exceeds the max")) {
        return true;
      }
    }
    return false;
  }

  /** The text of a cell, trimmed; empty for a blank cell. A formula, a date or an oversized text is refused. */
  static Optional<String> text(Row row, int column, String header, List<CellError> errors) {
    Cell cell = row.getCell(column);
    if (cell == null) {
      return Optional.empty();
    }
    String ref = ref(row, column);
    int rowNumber = row.getRowNum() + 1;
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      errors.add(new CellError(ref, rowNumber, header, "formula", "不接受公式，请填写文字",
          "formulas are not accepted: enter the text"));
      return Optional.empty();
    }
    if (type == CellType.NUMERIC) {
      if (DateUtil.isCellDateFormatted(cell)) {
        errors.add(new CellError(ref, rowNumber, header, "type", "应为文字，不能是日期", "text expected, not a date"));
        return Optional.empty();
      }
      // a register number typed as a number (1024) reads as the number's digits
      return Optional.of(NUMBERS.formatCellValue(cell));
    }
    if (type == CellType.BOOLEAN) {
      errors.add(new CellError(ref, rowNumber, header, "type", "应为文字", "text expected"));
      return Optional.empty();
    }
    if (type != CellType.STRING) {
      return Optional.empty();
    }
    String value = cell.getStringCellValue();
    if (value.length() > CELL_MAX) {
      errors.add(new CellError(ref, rowNumber, header, "size", "单元格内容过长（" + value.length() + " 字，上限 " + CELL_MAX
          + " 字）", "the cell holds " + value.length() + " characters, at most " + CELL_MAX));
      return Optional.empty();
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
  }

  /** A day: a date cell, or text as yyyy-MM-dd. */
  static Optional<LocalDate> day(Row row, int column, String header, List<CellError> errors) {
    Cell cell = row.getCell(column);
    if (cell == null) {
      return Optional.empty();
    }
    String ref = ref(row, column);
    int rowNumber = row.getRowNum() + 1;
    if (cell.getCellType() == CellType.FORMULA) {
      errors.add(new CellError(ref, rowNumber, header, "formula", "不接受公式，请填写日期",
          "formulas are not accepted: enter the date"));
      return Optional.empty();
    }
    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return Optional.of(cell.getLocalDateTimeCellValue().toLocalDate());
    }
    if (cell.getCellType() == CellType.STRING) {
      String value = cell.getStringCellValue().strip();
      if (value.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        // refused below
      }
    }
    if (cell.getCellType() == CellType.BLANK) {
      return Optional.empty();
    }
    errors.add(new CellError(ref, rowNumber, header, "format", "应为日期（如 2027-01-15）",
        "a date expected (e.g. 2027-01-15)"));
    return Optional.empty();
  }

  /** The header row's texts. */
  static List<String> headers(Sheet sheet) {
    List<String> headers = new ArrayList<>();
    Row row = sheet.getRow(0);
    if (row == null) {
      return headers;
    }
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      headers.add(cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue().strip());
    }
    return headers;
  }

  /** Whether the row has nothing in it (rows left empty in a template are skipped). */
  static boolean blank(Row row, int columns) {
    if (row == null) {
      return true;
    }
    for (int c = 0; c < columns; c++) {
      Cell cell = row.getCell(c);
      if (cell != null && cell.getCellType() != CellType.BLANK
          && !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
        return false;
      }
    }
    return true;
  }

  static String ref(Row row, int column) {
    return new CellReference(row.getRowNum(), column).formatAsString(false);
  }
}
