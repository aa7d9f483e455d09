package io.jmachine.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter, because both `ls` tables and every help screen of docker-machine are laid
 * out by it and scripts parse them by column position. Text is cut into tab-terminated cells; the
 * last cell of a line takes no part in alignment; consecutive lines that share a column form a
 * block that is padded to its widest cell plus {@code padding}.
 */
public final class TabWriter {
  private final int minWidth;
  private final int tabWidth;
  private final int padding;
  private final char padChar;

  public TabWriter(int minWidth, int tabWidth, int padding, char padChar) {
    this.minWidth = minWidth;
    this.tabWidth = tabWidth;
    this.padding = padding;
    this.padChar = padChar;
  }

  /** The layout `ls` uses: minwidth 5, tabwidth 1, padding 3, spaces. */
  public static TabWriter forTable() {
    return new TabWriter(5, 1, 3, ' ');
  }

  /** The layout of help screens: tabwidth 8, padding 1, padded with tab characters. */
  public static TabWriter forHelp() {
    return new TabWriter(0, 8, 1, '\t');
  }

  public String format(String text) {
    List<String[]> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.split("\t", -1));
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    format(out, lines, new ArrayList<>(), 0, lines.size());
    return out.toString();
  }

  private void format(
      StringBuilder out, List<String[]> lines, List<Integer> widths, int from, int to) {
    int column = widths.size();
    int start = from;
    for (int i = from; i < to; i++) {
      if (column >= lines.get(i).length - 1) {
        continue;
      }
      writeLines(out, lines, widths, start, i);
      int blockStart = i;
      int width = minWidth;
      for (; i < to && column < lines.get(i).length - 1; i++) {
        width = Math.max(width, length(lines.get(i)[column]) + padding);
      }
      widths.add(width);
      format(out, lines, widths, blockStart, i);
      widths.remove(widths.size() - 1);
      start = i;
      i--;
    }
    writeLines(out, lines, widths, start, to);
  }

  private void writeLines(
      StringBuilder out, List<String[]> lines, List<Integer> widths, int from, int to) {
    for (int i = from; i < to; i++) {
      String[] cells = lines.get(i);
      for (int j = 0; j < cells.length; j++) {
        out.append(cells[j]);
        if (j < widths.size() && j < cells.length - 1) {
          pad(out, length(cells[j]), widths.get(j));
        }
      }
      if (i + 1 < lines.size()) {
        out.append('\n');
      }
    }
  }

  private void pad(StringBuilder out, int textWidth, int cellWidth) {
    if (padChar == '\t') {
      int rounded = (cellWidth + tabWidth - 1) / tabWidth * tabWidth;
      int tabs = (rounded - textWidth + tabWidth - 1) / tabWidth;
      out.append("\t".repeat(tabs));
    } else {
      out.append(String.valueOf(padChar).repeat(cellWidth - textWidth));
    }
  }

  private static int length(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
