package io.jmachine.gob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.gob.GobType.Basic;
import io.jmachine.gob.GobType.Field;
import io.jmachine.gob.GobType.MapOf;
import io.jmachine.gob.GobType.SliceOf;
import io.jmachine.gob.GobType.StructOf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The codec against Go's encoding/gob (src/test/go/cmd/gobfixture): streams Go wrote decode to the
 * values Go encoded, and streams written here decode in Go to the values meant.
 */
class GobCodecTest {
  private static final StructOf INNER = StructOf.of("Inner", new Field("X", Basic.INT));
  private static final StructOf SAMPLE =
      StructOf.of(
          "Sample",
          new Field("Name", Basic.STRING),
          new Field("Count", Basic.INT),
          new Field("Big", Basic.UINT),
          new Field("On", Basic.BOOL),
          new Field("Tags", new SliceOf(Basic.STRING)),
          new Field("Data", Basic.BYTES),
          new Field("Inner", INNER),
          new Field("Empty", Basic.STRING),
          new Field("Sizes", new MapOf(Basic.STRING, Basic.INT)));
  private static final StructOf REQUEST =
      StructOf.of(
          "Request", new Field("ServiceMethod", Basic.STRING), new Field("Seq", Basic.UINT));
  private static final StructOf EMPTY = StructOf.of("");
  private static final StructOf STRING_FLAG = flagType("StringFlag", Basic.STRING);
  private static final StructOf INT_FLAG = flagType("IntFlag", Basic.INT);
  private static final StructOf SLICE_FLAG = flagType("StringSliceFlag", new SliceOf(Basic.STRING));
  private static final StructOf BOOL_FLAG =
      StructOf.of(
          "BoolFlag",
          new Field("Name", Basic.STRING),
          new Field("Usage", Basic.STRING),
          new Field("EnvVar", Basic.STRING));
  private static final StructOf RPC_FLAGS =
      StructOf.of("RPCFlags", new Field("Values", new MapOf(Basic.STRING, Basic.INTERFACE)));

  private static final String FLAGS_IN_GO =
      "*mcnflag.StringFlag=mcnflag.StringFlag{Name:\"s\", Usage:\"a string\", EnvVar:\"S\","
          + " Value:\"v\"} *mcnflag.IntFlag=mcnflag.IntFlag{Name:\"i\", Usage:\"\", EnvVar:\"\","
          + " Value:-3} *mcnflag.StringSliceFlag=mcnflag.StringSliceFlag{Name:\"l\", Usage:\"\","
          + " EnvVar:\"\", Value:[]string{\"x\", \"y\"}} *mcnflag.BoolFlag=mcnflag.BoolFlag{Name:\"b\","
          + " Usage:\"a bool\", EnvVar:\"\"} *mcnflag.IntFlag=mcnflag.IntFlag{Name:\"j\","
          + " Usage:\"zero\", EnvVar:\"\", Value:0}\n";
  private static final String FLAGS_IN_JAVA =
      "[*mcnflag.StringFlag({EnvVar=\"S\", Name=\"s\", Usage=\"a string\", Value=\"v\"}),"
          + " *mcnflag.IntFlag({Name=\"i\", Value=-3}),"
          + " *mcnflag.StringSliceFlag({Name=\"l\", Value=[\"x\", \"y\"]}),"
          + " *mcnflag.BoolFlag({Name=\"b\", Usage=\"a bool\"}),"
          + " *mcnflag.IntFlag({Name=\"j\", Usage=\"zero\"})]";
  private static final String OPTIONS_IN_GO =
      "&rpcdriver.RPCFlags{Values:map[string]interface {}{\"name\":\"m\", \"none\":[]string(nil),"
          + " \"on\":true, \"port\":22, \"tags\":[]string{\"a\", \"b\"}}}\n";

  private static StructOf flagType(String name, GobType value) {
    return StructOf.of(
        name,
        new Field("Name", Basic.STRING),
        new Field("Usage", Basic.STRING),
        new Field("EnvVar", Basic.STRING),
        new Field("Value", value));
  }

  @Test
  void decode_goScalars_givesTheValuesGoEncoded() throws IOException {
    assertThat(decodeAll(goEncoded("scalars")))
        .containsExactly(
            "-1234567",
            "0",
            "-9223372036854775803",
            "true",
            "\"héllo\"",
            "bytes[0 1 255]",
            "127",
            "128",
            "-129");
  }

  @Test
  void decode_goCollections_givesSlicesAndMaps() throws IOException {
    assertThat(decodeAll(goEncoded("collections")))
        .containsExactly("[\"a\", \"\", \"c\"]", "{one=1, two=-2}", "[]");
  }

  @Test
  void decode_goStructs_givesTheFieldsThatAreNotZero() throws IOException {
    assertThat(decodeAll(goEncoded("struct")))
        .containsExactly(
            "{Big=1099511627776, Count=300, Data=bytes[100], Inner={X=7}, Name=\"n\", On=true,"
                + " Sizes={k=9}, Tags=[\"t\"]}",
            "{Inner={}}",
            "{Seq=1, ServiceMethod=\"RPCServerDriver.GetVersion\"}",
            "{}",
            "{Seq=2, ServiceMethod=\"RPCServerDriver.Close\"}");
  }

  @Test
  void decode_goFlagSlices_givesRegisteredInterfaceValues() throws IOException {
    assertThat(decodeAll(goEncoded("flags"))).containsExactly(FLAGS_IN_JAVA, FLAGS_IN_JAVA);
  }

  @Test
  void decode_goDriverOptions_givesTheNestedInterfaces() throws IOException {
    String options =
        "*rpcdriver.RPCFlags({Values={name=string(\"m\"), none=[]string([]), on=bool(true),"
            + " port=int(22), tags=[]string([\"a\", \"b\"])}})";

    assertThat(decodeAll(goEncoded("options"))).containsExactly(options, options);
  }

  @Test
  void encode_scalars_matchesGoByteForByte() throws IOException {
    byte[] encoded =
        encode(
            Basic.INT,
            -1234567L,
            Basic.INT,
            0,
            Basic.UINT,
            Long.MIN_VALUE + 5,
            Basic.BOOL,
            true,
            Basic.STRING,
            "héllo",
            Basic.BYTES,
            new byte[] {0, 1, (byte) 255},
            Basic.INT,
            127,
            Basic.INT,
            128,
            Basic.INT,
            -129);

    assertThat(encoded).isEqualTo(goEncoded("scalars"));
    assertThat(goDecoded("scalars", encoded))
        .isEqualTo(
            "-1234567\n0\n0x8000000000000005\ntrue\n\"héllo\"\n[]byte{0x0, 0x1, 0xff}\n127\n128\n"
                + "-129\n");
  }

  @Test
  void encode_structs_matchesGoByteForByte() throws IOException {
    Map<String, Object> sample = new LinkedHashMap<>();
    sample.put("Name", "n");
    sample.put("Count", 300);
    sample.put("Big", 1L << 40);
    sample.put("On", true);
    sample.put("Tags", List.of("t"));
    sample.put("Data", "d".getBytes(StandardCharsets.UTF_8));
    sample.put("Inner", Map.of("X", 7));
    sample.put("Sizes", Map.of("k", 9));

    byte[] encoded =
        encode(
            SAMPLE, sample,
            SAMPLE, Map.of(),
            REQUEST, Map.of("ServiceMethod", "RPCServerDriver.GetVersion", "Seq", 1),
            EMPTY, Map.of(),
            REQUEST, Map.of("ServiceMethod", "RPCServerDriver.Close", "Seq", 2));

    assertThat(encoded).isEqualTo(goEncoded("struct"));
  }

  @Test
  void encode_collections_decodeInGo() throws IOException {
    Map<String, Object> sizes = new LinkedHashMap<>();
    sizes.put("one", 1);
    sizes.put("two", -2);

    byte[] encoded =
        encode(
            new SliceOf(Basic.STRING), List.of("a", "", "c"),
            new MapOf(Basic.STRING, Basic.INT), sizes,
            new SliceOf(Basic.INT), List.of());

    assertThat(goDecoded("collections", encoded))
        .isEqualTo(
            "[]string{\"a\", \"\", \"c\"}\nmap[string]int{\"one\":1, \"two\":-2}\n[]int(nil)\n");
  }

  @Test
  void encode_flagSlices_decodeInGoAsRegisteredFlagTypes() throws IOException {
    List<GobInterface> flags =
        List.of(
            new GobInterface(
                "*mcnflag.StringFlag",
                STRING_FLAG,
                Map.of("Name", "s", "Usage", "a string", "EnvVar", "S", "Value", "v")),
            new GobInterface("*mcnflag.IntFlag", INT_FLAG, Map.of("Name", "i", "Value", -3)),
            new GobInterface(
                "*mcnflag.StringSliceFlag",
                SLICE_FLAG,
                Map.of("Name", "l", "Value", List.of("x", "y"))),
            new GobInterface(
                "*mcnflag.BoolFlag", BOOL_FLAG, Map.of("Name", "b", "Usage", "a bool")),
            new GobInterface("*mcnflag.IntFlag", INT_FLAG, Map.of("Name", "j", "Usage", "zero")));
    SliceOf type = new SliceOf(Basic.INTERFACE);

    byte[] encoded = encode(type, flags, type, flags);

    assertThat(goDecoded("flags", encoded)).isEqualTo(FLAGS_IN_GO + FLAGS_IN_GO);
  }

  @Test
  void encode_driverOptions_decodeInGoAsRpcFlags() throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", new GobInterface("string", Basic.STRING, "m"));
    values.put("port", new GobInterface("int", Basic.INT, 22));
    values.put("on", new GobInterface("bool", Basic.BOOL, true));
    SliceOf strings = new SliceOf(Basic.STRING);
    values.put("tags", new GobInterface("[]string", strings, List.of("a", "b")));
    values.put("none", new GobInterface("[]string", strings, List.of()));
    GobInterface options =
        new GobInterface("*rpcdriver.RPCFlags", RPC_FLAGS, Map.of("Values", values));

    byte[] encoded = encode(Basic.INTERFACE, options, Basic.INTERFACE, options);

    assertThat(goDecoded("options", encoded)).isEqualTo(OPTIONS_IN_GO.repeat(2));
  }

  @Test
  void decode_truncatedStream_failsWithUnexpectedEof() {
    byte[] go = goEncoded("struct");
    byte[] truncated = java.util.Arrays.copyOf(go, 20);

    GobDecoder decoder = new GobDecoder(new ByteArrayInputStream(truncated));

    assertThatThrownBy(decoder::decode).isInstanceOf(EOFException.class);
  }

  private static byte[] goEncoded(String name) {
    return GoFixtures.gobFixture(List.of("encode", name), new byte[0]);
  }

  private static String goDecoded(String name, byte[] stream) {
    return new String(
        GoFixtures.gobFixture(List.of("decode", name), stream), StandardCharsets.UTF_8);
  }

  private static byte[] encode(Object... typesAndValues) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GobEncoder encoder = new GobEncoder(out);
    for (int i = 0; i < typesAndValues.length; i += 2) {
      encoder.encode((GobType) typesAndValues[i], typesAndValues[i + 1]);
    }
    return out.toByteArray();
  }

  private static List<String> decodeAll(byte[] stream) throws IOException {
    GobDecoder decoder = new GobDecoder(new ByteArrayInputStream(stream));
    List<String> values = new ArrayList<>();
    while (true) {
      try {
        values.add(render(decoder.decode()));
      } catch (EOFException end) {
        return values;
      }
    }
  }

  /** A stable text for a decoded value: map keys sorted, strings quoted, bytes spelled out. */
  private static String render(Object value) {
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    if (value instanceof byte[] bytes) {
      List<String> parts = new ArrayList<>();
      for (byte b : bytes) {
        parts.add(Integer.toString(b & 0xff));
      }
      return "bytes[" + String.join(" ", parts) + "]";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GobCodecTest::render).toList().toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, String> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(k.toString(), render(v)));
      return sorted.toString();
    }
    if (value instanceof GobInterface iface) {
      return iface.name() + "(" + render(iface.value()) + ")";
    }
    return String.valueOf(value);
  }
}
