package io.jmachine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {
  private static HttpAnswer parse(String text) throws IOException {
    return HttpAnswer.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bodyIsWhatFollowsTheHeadersUntilTheConnectionCloses() throws IOException {
    HttpAnswer answer =
        parse("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"Version\":\"27.1\"}\n");

    assertThat(answer).isEqualTo(new HttpAnswer(200, "200 OK", "{\"Version\":\"27.1\"}\n"));
  }

  @Test
  void contentLengthEndsTheBody() throws IOException {
    HttpAnswer answer = parse("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}garbage");

    assertThat(answer.body()).isEqualTo("{}");
  }

  @Test
  void statusTextKeepsTheReason() throws IOException {
    assertThat(parse("HTTP/1.1 404 Not Found\r\n\r\n"))
        .isEqualTo(new HttpAnswer(404, "404 Not Found", ""));
    assertThat(parse("HTTP/1.1 500\r\n\r\n").statusText()).isEqualTo("500");
  }

  @Test
  void malformedAnswersAreErrorsThatSayWhatIsWrong() {
    assertThatThrownBy(() -> parse("SSH-2.0-OpenSSH_9.2\r\n"))
        .hasMessage("malformed HTTP response: no end of headers");
    assertThatThrownBy(() -> parse("hello world\r\n\r\n"))
        .hasMessage("malformed HTTP response \"hello world\"");
    assertThatThrownBy(() -> parse("HTTP/1.1 abc OK\r\n\r\n"))
        .hasMessage("malformed HTTP status code \"abc\"");
    assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}"))
        .hasMessage(
            "unexpected transfer encoding in an HTTP/1.0 answer: Transfer-Encoding: chunked");
  }
}
