package io.s2l.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * AdamW (Loshchilov and Hutter 2019) whose state can be saved and restored, so a retried job
 * resumes exactly where its last checkpoint left it. The update is DJL's own fused {@code
 * adamUpdate} with decoupled weight decay, bias-corrected as in DJL's AdamW: lr_t = lr * sqrt(1 -
 * beta2^t) / (1 - beta1^t). DJL's AdamW keeps its moments private; this class owns them.
 */
final class ResumableAdamW extends Optimizer {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final ParameterTracker learningRate;
  private final Map<String, NDArray> means = new TreeMap<>();
  private final Map<String, NDArray> variances = new TreeMap<>();
  private final Map<String, Integer> updates = new TreeMap<>();

  ResumableAdamW(ParameterTracker learningRate, float weightDecay) {
    super(new Builder().optWeightDecays(weightDecay));
    this.learningRate = learningRate;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    update(parameterId, weight, grad, rescaleGrad);
  }

  /**
   * One update from {@code grad * gradientScale}: the scale (a clipping factor) is applied inside
   * the fused update, to the copy of the gradient it makes anyway, not by a separate op on the
   * gradient.
   */
  void update(String parameterId, NDArray weight, NDArray grad, float gradientScale) {
    int t = updates.merge(parameterId, 1, Integer::sum);
    double coef1 = 1 - Math.pow(BETA1, t);
    double coef2 = 1 - Math.pow(BETA2, t);
    float lr = learningRate.getNewValue(parameterId, t);
    float lrBiasCorrected = (float) (lr * Math.sqrt(coef2) / coef1);
    NDArray mean = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
    NDArray variance = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
    weight
        .getNDArrayInternal()
        .adamUpdate(
            new NDList(weight, grad, mean, variance),
            new NDList(weight),
            lr,
            lrBiasCorrected,
            getWeightDecay(),
            gradientScale,
            clipGrad,
            BETA1,
            BETA2,
            EPSILON,
            true,
            true);
  }

  /** The first moment (the running mean of the gradient) of a parameter, null before its update. */
  NDArray firstMoment(String parameterId) {
    return means.get(parameterId);
  }

  /**
   * Writes the update count and both moments of every parameter. Parameters are named by their path
   * in the block (stable), not by their id (random per model instance).
   */
  void save(DataOutputStream out, PairList<String, Parameter> parameters) throws IOException {
    out.writeInt(updates.size());
    for (Pair<String, Parameter> p : parameters) {
      String id = p.getValue().getId();
      if (updates.containsKey(id)) {
        out.writeUTF(p.getKey());
        out.writeInt(updates.get(id));
        writeArray(out, means.get(id));
        writeArray(out, variances.get(id));
      }
    }
  }

  /**
   * Restores what {@link #save} wrote onto this model's parameters; moments live in {@code
   * manager}.
   */
  void load(DataInputStream in, NDManager manager, PairList<String, Parameter> parameters)
      throws IOException {
    Map<String, String> idOf = new TreeMap<>();
    for (Pair<String, Parameter> p : parameters) {
      idOf.put(p.getKey(), p.getValue().getId());
    }
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      String id = idOf.get(name);
      if (id == null) {
        throw new IOException("the checkpoint has state for an unknown parameter " + name);
      }
      updates.put(id, in.readInt());
      means.put(id, readArray(in, manager));
      variances.put(id, readArray(in, manager));
    }
  }

  private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
    byte[] bytes = array.encode();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return NDArray.decode(manager, bytes);
  }

  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
