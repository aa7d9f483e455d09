package io.jmachine.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exact-output tests against what Go's text/tabwriter prints for the same input. */
class TabWriterTest {

  @Test
  void lsTable_matchesDockerMachineOutput() {
    String in =
        "NAME\tACTIVE\tDRIVER\tSTATE\tURL\tSWARM\tDOCKER\tERRORS\n"
            + "broken\t\tnot found\tError\t\t\t\tError getting migrated host: invalid character"
            + " 'b' looking for beginning of object key string\n"
            + "nonehost\t-\tnone\tRunning\ttcp://127.0.0.1:2376\t\tv19.03.1\t\n"
            + "plug\t-\tnot-found\tError\t\t\tUnknown\tDriver \"bogusdrv\" not found. Do you have"
            + " the plugin binary accessible in your PATH?\n"
            + "slow\t\tgeneric\tTimeout\t\t\t\t\n"
            + "testmachine\t-\tnone\tRunning\turl1\t\tUnknown\tUnable to query docker version:"
            + " Get \"https://url1/v1.15/version\": dial tcp: lookup url1: no such host\n"
            + "ubu\t*\tgeneric\tRunning\ttcp://127.0.0.1:2376\t\tv19.03.1\t\n";
    String expected =
        "NAME          ACTIVE   DRIVER      STATE     URL                    SWARM   DOCKER     ERRORS\n"
            + "broken                 not found   Error                                               Error"
            + " getting migrated host: invalid character 'b' looking for beginning of object key"
            + " string\n"
            + "nonehost      -        none        Running   tcp://127.0.0.1:2376           v19.03.1   \n"
            + "plug          -        not-found   Error                                    Unknown    Driver"
            + " \"bogusdrv\" not found. Do you have the plugin binary accessible in your PATH?\n"
            + "slow                   generic     Timeout                                             \n"
            + "testmachine   -        none        Running   url1                           Unknown    Unable"
            + " to query docker version: Get \"https://url1/v1.15/version\": dial tcp: lookup url1: no"
            + " such host\n"
            + "ubu           *        generic     Running   tcp://127.0.0.1:2376           v19.03.1   \n";
    assertThat(TabWriter.forTable().format(in)).isEqualTo(expected);
  }

  @Test
  void lsTable_headerOnly_padsToMinimumWidth() {
    assertThat(TabWriter.forTable().format("NAME\tA\tERRORS\n")).isEqualTo("NAME   A    ERRORS\n");
  }

  @Test
  void lsTable_emptyInput_staysEmpty() {
    assertThat(TabWriter.forTable().format("")).isEmpty();
  }

  @Test
  void helpLayout_padsWithTabsToMultiplesOfTabWidth() {
    String in =
        "   --quiet, -q\tEnable quiet mode\n"
            + "   --filter [--filter option --filter option]\tFilter output based on conditions"
            + " provided\n"
            + "   --timeout, -t \"10\"\tTimeout in seconds, default to 10s\n"
            + "   --format, -f \tPretty-print machines using a Go template\n";
    // widest cell 45 + padding 1 = 46, rounded up to the tab stop at 48
    String expected =
        "   --quiet, -q\t\t\t\t\tEnable quiet mode\n"
            + "   --filter [--filter option --filter option]\tFilter output based on conditions"
            + " provided\n"
            + "   --timeout, -t \"10\"\t\t\t\tTimeout in seconds, default to 10s\n"
            + "   --format, -f \t\t\t\tPretty-print machines using a Go template\n";
    assertThat(TabWriter.forHelp().format(in)).isEqualTo(expected);
  }

  @Test
  void helpLayout_cellEndingExactlyBeforeTabStop_getsOneTab() {
    // "1234567" + padding 1 = 8: one tab reaches the stop; "12345678" + 1 = 9 needs column 16
    assertThat(TabWriter.forHelp().format("1234567\tx\nab\ty\n")).isEqualTo("1234567\tx\nab\ty\n");
    assertThat(TabWriter.forHelp().format("12345678\tx\nab\ty\n"))
        .isEqualTo("12345678\tx\nab\t\ty\n");
  }

  @Test
  void lineWithoutTab_breaksTheColumnBlock() {
    String in = "a\tb\tc\naaaa\tbb\tc\nx\nlong-one\tz\n";
    String expected = "a      b    c\naaaa   bb   c\nx\nlong-one   z\n";
    assertThat(TabWriter.forTable().format(in)).isEqualTo(expected);
  }

  @Test
  void lineWithFewerCells_endsTheInnerColumnOnly() {
    String in = "a\tb\tc\ndd\te\nfff\tg\th";
    String expected = "a     b    c\ndd    e\nfff   g    h";
    assertThat(TabWriter.forTable().format(in)).isEqualTo(expected);
  }

  @Test
  void cellWidth_countsCharactersNotBytes() {
    assertThat(TabWriter.forTable().format("héllo\tx\nab\ty\n"))
        .isEqualTo("héllo   x\nab      y\n");
  }

  @Test
  void emptyCells_arePaddedToo() {
    assertThat(new TabWriter(0, 1, 1, '.').format("\tb\tc\na\t\tc\n")).isEqualTo("..b.c\na...c\n");
  }
}
