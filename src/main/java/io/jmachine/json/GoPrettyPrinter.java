package io.jmachine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/** The layout of Go's json.MarshalIndent(v, "", " "). */
final class GoPrettyPrinter implements PrettyPrinter {
  private static final String INDENT = "    ";
  private int depth;

  @Override
  public void writeRootValueSeparator(JsonGenerator gen) throws IOException {
    gen.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator gen) throws IOException {
    gen.writeRaw('{');
    depth++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator gen) throws IOException {
    newline(gen);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
    gen.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
    gen.writeRaw(',');
    newline(gen);
  }

  @Override
  public void writeEndObject(JsonGenerator gen, int entries) throws IOException {
    depth--;
    if (entries > 0) {
      newline(gen);
    }
    gen.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator gen) throws IOException {
    gen.writeRaw('[');
    depth++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator gen) throws IOException {
    newline(gen);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
    gen.writeRaw(',');
    newline(gen);
  }

  @Override
  public void writeEndArray(JsonGenerator gen, int values) throws IOException {
    depth--;
    if (values > 0) {
      newline(gen);
    }
    gen.writeRaw(']');
  }

  private void newline(JsonGenerator gen) throws IOException {
    gen.writeRaw('\n');
    for (int i = 0; i < depth; i++) {
      gen.writeRaw(INDENT);
    }
  }
}
