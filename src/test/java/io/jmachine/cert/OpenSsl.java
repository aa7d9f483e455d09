package io.jmachine.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code openssl} binary, so certificates are judged by a second implementation. */
final class OpenSsl {
  private OpenSsl() {}

  /** Output (stdout and stderr together) of a command that must succeed. */
  static String run(String... args) {
    Result result = attempt(args);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "openssl "
              + String.join(" ", args)
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result.output();
  }

  record Result(int exitCode, String output) {}

  static Result attempt(String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), output);
    } catch (IOException e) {
      throw new AssertionError("cannot run openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running openssl", e);
    }
  }

  static String text(Path certificate) {
    return run("x509", "-in", certificate.toString(), "-noout", "-text");
  }

  static String dates(Path certificate) {
    return run("x509", "-in", certificate.toString(), "-noout", "-dates", "-dateopt", "iso_8601");
  }

  /** {@code openssl verify} at a fixed moment, so certificates issued with a test clock verify. */
  static Result verify(Path ca, Path certificate, String purpose, Instant at) {
    return attempt(
        "verify",
        "-attime",
        Long.toString(at.getEpochSecond()),
        "-purpose",
        purpose,
        "-CAfile",
        ca.toString(),
        certificate.toString());
  }

  static String certificateModulus(Path certificate) {
    return run("x509", "-in", certificate.toString(), "-noout", "-modulus");
  }

  static String keyModulus(Path key) {
    return run("rsa", "-in", key.toString(), "-noout", "-modulus");
  }
}
