package io.jmachine.drivers.amazonec2;

import io.jmachine.error.MachineException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * docker-machine's credential order: the flags' keys, then AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, then the shared credentials file, then the instance
 * role. Variables come from jmachine's environment rather than the JVM's, so what a command sees is
 * what its caller passed. The instance role is never asked for with a custom endpoint (it belongs
 * to AWS itself) nor when AWS_EC2_METADATA_DISABLED is true.
 */
final class AwsCredentialSources {
  static final String MISSING =
      "amazonec2 driver requires AWS credentials configured with the --amazonec2-access-key and"
          + " --amazonec2-secret-key options, environment variables, ~/.aws/credentials, or an"
          + " instance role";

  private final AwsCredentialsProvider provider;
  private final ProfileFile profileFile;
  private final String profileName;

  /** Fails with docker-machine's message when no source has credentials. */
  AwsCredentialSources(Ec2Settings settings, UnaryOperator<String> env) {
    profileName = orElse(env.apply("AWS_PROFILE"), "default");
    profileFile = sharedFile(env);
    List<AwsCredentialsProvider> sources = new ArrayList<>();
    addStatic(sources, settings.accessKey(), settings.secretKey(), settings.sessionToken());
    addStatic(
        sources,
        env.apply("AWS_ACCESS_KEY_ID"),
        env.apply("AWS_SECRET_ACCESS_KEY"),
        env.apply("AWS_SESSION_TOKEN"));
    if (profileFile.profile(profileName).isPresent()) {
      sources.add(
          ProfileCredentialsProvider.builder()
              .profileFile(profileFile)
              .profileName(profileName)
              .build());
    }
    if (settings.endpoint().isEmpty()
        && !"true".equalsIgnoreCase(env.apply("AWS_EC2_METADATA_DISABLED"))) {
      sources.add(InstanceProfileCredentialsProvider.create());
    }
    if (sources.isEmpty()) {
      throw new MachineException(MISSING);
    }
    provider =
        AwsCredentialsProviderChain.builder()
            .credentialsProviders(sources)
            .reuseLastProviderEnabled(true)
            .build();
    try {
      provider.resolveCredentials();
    } catch (SdkException e) {
      throw new MachineException(MISSING, e);
    }
  }

  private static void addStatic(
      List<AwsCredentialsProvider> sources, String accessKey, String secretKey, String token) {
    if (accessKey == null || accessKey.isEmpty() || secretKey == null || secretKey.isEmpty()) {
      return;
    }
    AwsCredentials credentials =
        token == null || token.isEmpty()
            ? AwsBasicCredentials.create(accessKey, secretKey)
            : AwsSessionCredentials.create(accessKey, secretKey, token);
    sources.add(StaticCredentialsProvider.create(credentials));
  }

  /** The shared credentials file, or an empty one so the SDK reads no file of its own choosing. */
  private static ProfileFile sharedFile(UnaryOperator<String> env) {
    String configured = env.apply("AWS_SHARED_CREDENTIALS_FILE");
    Path file =
        configured == null || configured.isEmpty()
            ? Path.of(
                orElse(env.apply("HOME"), System.getProperty("user.home")), ".aws", "credentials")
            : Path.of(configured);
    ProfileFile.Builder builder = ProfileFile.builder().type(ProfileFile.Type.CREDENTIALS);
    return Files.isReadable(file)
        ? builder.content(file).build()
        : builder.content(new ByteArrayInputStream(new byte[0])).build();
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  AwsCredentialsProvider provider() {
    return provider;
  }

  ProfileFile profileFile() {
    return profileFile;
  }

  String profileName() {
    return profileName;
  }
}
