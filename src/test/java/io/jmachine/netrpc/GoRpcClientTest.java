package io.jmachine.netrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.gob.GoFixtures;
import io.jmachine.gob.GobInterface;
import io.jmachine.gob.GobType.Basic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The net/rpc client against a real Go net/rpc server: the test plugin's. */
class GoRpcClientTest {
  private Process plugin;
  private GoRpcClient client;

  @BeforeEach
  void startPlugin() throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(GoFixtures.binary("docker-machine-driver-sshtest").toString());
    pb.environment().put("MACHINE_PLUGIN_TOKEN", "42");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    plugin = pb.start();
    String address =
        new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    client = GoRpcClient.dialHttp(address);
  }

  @AfterEach
  void stopPlugin() throws InterruptedException {
    client.close();
    plugin.destroyForcibly();
    plugin.waitFor();
  }

  private Object call(String method) {
    return client.call("RPCServerDriver." + method, GoRpcClient.NO_ARGUMENT, null);
  }

  @Test
  void call_getVersion_answersTheApiVersion() {
    assertThat(call("GetVersion")).isEqualTo(1L);
  }

  @Test
  void call_configRoundTrip_givesBackWhatTheDriverSerializes() {
    byte[] raw =
        "{\"MachineName\":\"m\",\"IPAddress\":\"10.0.0.1\"}".getBytes(StandardCharsets.UTF_8);

    client.call("RPCServerDriver.SetConfigRaw", Basic.BYTES, raw);

    assertThat(call("GetMachineName")).isEqualTo("m");
    assertThat(new String((byte[]) call("GetConfigRaw"), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"IPAddress\":\"10.0.0.1\",\"MachineName\":\"m\",\"SSHUser\":\"\",\"SSHPort\":0,"
                + "\"SSHKeyPath\":\"\",\"StorePath\":\"\",\"SwarmMaster\":false,\"SwarmHost\":\"\","
                + "\"SwarmDiscovery\":\"\",\"EnginePort\":0,\"SSHKey\":\"\",\"Tags\":null,"
                + "\"Verbose\":false}");
  }

  @Test
  void call_getCreateFlags_givesRegisteredFlagValues() {
    List<?> flags = (List<?>) call("GetCreateFlags");

    assertThat(flags.stream().map(f -> ((GobInterface) f).name()).toList())
        .containsExactly(
            "*mcnflag.StringFlag",
            "*mcnflag.StringFlag",
            "*mcnflag.StringFlag",
            "*mcnflag.IntFlag",
            "*mcnflag.IntFlag",
            "*mcnflag.StringSliceFlag",
            "*mcnflag.BoolFlag");
    assertThat(((GobInterface) flags.get(3)).value())
        .isEqualTo(
            java.util.Map.of(
                "Name", "sshtest-ssh-port",
                "Usage", "SSH port",
                "EnvVar", "SSHTEST_SSH_PORT",
                "Value", 22L));
  }

  @Test
  void call_driverError_becomesAnRpcExceptionWithItsText() {
    assertThatThrownBy(() -> call("Stop"))
        .isInstanceOf(RpcException.class)
        .hasMessage("sshtest driver does not support stop");
    assertThat(call("GetVersion")).isEqualTo(1L);
  }

  @Test
  void call_unknownService_failsWithNetRpcsMessage() {
    assertThatThrownBy(
            () -> client.call("RpcServerDriver.GetVersion", GoRpcClient.NO_ARGUMENT, null))
        .isInstanceOf(RpcException.class)
        .hasMessage("rpc: can't find service RpcServerDriver.GetVersion");
  }

  @Test
  void call_whileAnotherCallIsPending_isAnsweredToo() throws Exception {
    client.call(
        "RPCServerDriver.SetConfigRaw",
        Basic.BYTES,
        "{\"MachineName\":\"slow\",\"IPAddress\":\"10.0.0.2\"}".getBytes(StandardCharsets.UTF_8));
    CompletableFuture<Object> create = CompletableFuture.supplyAsync(() -> call("Create"));
    Thread.sleep(200); // the test plugin's Create takes 2 s for a machine named "slow"

    assertThat(call("GetIP")).isEqualTo("10.0.0.2");
    assertThat(create).isNotDone();
    assertThat(create.get(10, TimeUnit.SECONDS)).isEqualTo(java.util.Map.of());
  }

  @Test
  void close_afterCloseCall_pluginExits() throws Exception {
    try {
      client.call("RPCServerDriver.Close", GoRpcClient.NO_ARGUMENT, null, 2000);
    } catch (RpcException | TimeoutException e) {
      // the plugin may exit before its answer is out
    }

    assertThat(plugin.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(plugin.exitValue()).isEqualTo(0);
  }

  @Test
  void dialHttp_serverThatIsNotGoRpc_failsWithItsStatus() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      Thread answer =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  s.getInputStream().read(new byte[64]);
                  OutputStream out = s.getOutputStream();
                  out.write("HTTP/1.0 404 Not Found\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  // the test fails on the client side
                }
              });
      answer.start();
      String address = "127.0.0.1:" + server.getLocalPort();

      assertThatThrownBy(() -> GoRpcClient.dialHttp(address))
          .isInstanceOf(RpcException.class)
          .hasMessage("dial-http tcp " + address + ": unexpected HTTP response: 404 Not Found");
    }
  }

  @Test
  void dialHttp_emptyAddress_failsAsGoDoes() {
    assertThatThrownBy(() -> GoRpcClient.dialHttp(""))
        .isInstanceOf(RpcException.class)
        .hasMessage("dial tcp : missing address");
  }
}
