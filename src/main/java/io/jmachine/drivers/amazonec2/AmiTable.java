package io.jmachine.drivers.amazonec2;

import java.util.Map;

/**
 * docker-machine v0.16.2's default images: Ubuntu 16.04 LTS 20180228.1 hvm:ebs-ssd (amd64), one per
 * region it knows. "custom-endpoint" has no image.
 */
final class AmiTable {
  private static final Map<String, String> AMI_BY_REGION =
      Map.ofEntries(
          Map.entry("ap-northeast-1", "ami-bcb7f6da"),
          Map.entry("ap-northeast-2", "ami-5073de3e"),
          Map.entry("ap-southeast-1", "ami-41e4af3d"),
          Map.entry("ap-southeast-2", "ami-c1498fa3"),
          Map.entry("ap-south-1", "ami-1083dc7f"),
          Map.entry("ca-central-1", "ami-8d9e19e9"),
          Map.entry("cn-north-1", "ami-cc4499a1"),
          Map.entry("cn-northwest-1", "ami-fd0e1a9f"),
          Map.entry("eu-north-1", "ami-017ff17f"),
          Map.entry("eu-central-1", "ami-bc4925d3"),
          Map.entry("eu-west-1", "ami-0b541372"),
          Map.entry("eu-west-2", "ami-ff46a298"),
          Map.entry("eu-west-3", "ami-9465d3e9"),
          Map.entry("sa-east-1", "ami-b5501bd9"),
          Map.entry("us-east-1", "ami-927185ef"),
          Map.entry("us-east-2", "ami-b9daeddc"),
          Map.entry("us-west-1", "ami-264c4646"),
          Map.entry("us-west-2", "ami-78a22900"),
          Map.entry("us-gov-west-1", "ami-2561ea44"),
          Map.entry("custom-endpoint", ""));

  private AmiTable() {}

  static boolean knows(String region) {
    return AMI_BY_REGION.containsKey(region);
  }

  /** The region's default image, "" for a region docker-machine does not know. */
  static String defaultAmi(String region) {
    return AMI_BY_REGION.getOrDefault(region, "");
  }
}
