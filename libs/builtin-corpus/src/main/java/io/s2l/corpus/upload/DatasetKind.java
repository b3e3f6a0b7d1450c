package io.s2l.corpus.upload;

/** What an uploaded dataset is: a training corpus, or an evaluation set. */
public enum DatasetKind {
  /** JSON lines {@code {"domain": ..., "text": ..., "id"?: ...}}. */
  CORPUS,
  /**
   * JSON lines {@code {"id": ..., "prompt": ..., "answer": ...}} (loss on the answer) or {@code
   * {"id": ..., "prompt": ..., "choices": [...], "label": n}} (multiple choice), one kind per set.
   */
  EVALSET
}
