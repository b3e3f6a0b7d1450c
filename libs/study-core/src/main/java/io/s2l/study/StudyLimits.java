package io.s2l.study;

/**
 * Bounds on every field of a study, so that no definition can ask for unbounded work. The values
 * are what one shared installation is sized for; they are constants, not configuration, so that a
 * definition valid in one installation is valid in every other.
 */
public final class StudyLimits {
  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_SCALES = 16;
  public static final int MAX_DISTRIBUTIONS = 256;
  public static final int MAX_SEEDS = 16;
  public static final int MAX_JOBS = 4096;
  public static final int MAX_WIDTH = 2048;
  public static final int MAX_DEPTH = 48;
  public static final int MAX_CONTEXT = 2048;
  public static final double MAX_TOKENS_PER_PARAM = 1000;
  public static final int MAX_BATCH = 1024;
  public static final int MAX_DIRICHLET_COUNT = 256;
  public static final double WEIGHT_SUM_TOLERANCE = 1e-6;
  public static final int MAX_SUBSET = 100_000;
  public static final int MAX_MODELS_PER_SCALE = 64;
  public static final int MAX_PROJECTION_DIMENSION = 8192;
  public static final int MAX_TARGETS = 10_000;
  public static final int MAX_RANDOM_DRAWS = 16;
  public static final int MAX_CHECKPOINTS = 16;
  public static final int MAX_SELECTION_SIZES = 8;
  public static final int MAX_TARGET_CLASSES = 1000;
  public static final int MAX_MIXTURE_CANDIDATES = 1_000_000;
  public static final int MAX_CALLBACKS = 4;
  public static final int MAX_CALLBACK_URL_LENGTH = 2048;

  private StudyLimits() {}
}
