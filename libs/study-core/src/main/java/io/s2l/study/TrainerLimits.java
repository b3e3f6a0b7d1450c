package io.s2l.study;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Bounds on a trainer's registration and on the options a study passes to one. Like {@link
 * StudyLimits}, constants rather than configuration, so a registration valid in one installation is
 * valid in every other; docs/api.md lists them.
 */
public final class TrainerLimits {

  /** A registered name: a lower-case letter or digit, then up to 62 of those or hyphens. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public static final int MAX_COMMAND_ARGUMENTS = 32;
  public static final int MAX_ARGUMENT_LENGTH = 1024;
  public static final List<String> FAMILIES =
      List.of(ModelScale.LM, ModelScale.MLP, ModelScale.CNN);

  /** 1 TiB: more than any one machine a run is placed on. */
  public static final long MAX_MEMORY_BYTES = 1L << 40;

  public static final int MIN_SILENCE_SECONDS = 10;
  public static final int MAX_SILENCE_SECONDS = 86_400;
  public static final int DEFAULT_SILENCE_SECONDS = 600;
  public static final int MAX_IMAGE_LENGTH = 512;
  public static final int MAX_GPUS = 16;

  /** A Kueue queue name is a Kubernetes object name: a DNS label (RFC 1123). */
  public static final Pattern QUEUE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** Options of one scale, their keys and their string values. */
  public static final int MAX_OPTIONS = 32;

  public static final int MAX_OPTION_KEY_LENGTH = 64;
  public static final int MAX_OPTION_VALUE_LENGTH = 1024;

  private TrainerLimits() {}

  /**
   * Whether {@code name} is a possible trainer name (registered or {@value TrainerRef#BUILTIN}).
   */
  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
