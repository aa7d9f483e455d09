package io.jmachine.json;

/** A document that is not JSON; the message reads like Go's decoder errors. */
public final class JsonSyntaxException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  public JsonSyntaxException(String message) {
    super(message);
  }
}
