package io.s2l.analysis.mixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.NamedMixture;
import io.s2l.api.mixture.RecommendedMixture;
import io.s2l.mixture.BoostedMixtureModel;
import io.s2l.mixture.CrossValidation;
import io.s2l.mixture.LinearMixtureModel;
import io.s2l.mixture.MixtureModel;
import io.s2l.mixture.MixtureSearch;
import io.s2l.mixture.PredictionInterval;
import io.s2l.mixture.Support;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.JobHandler;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureGenerator;
import io.s2l.study.MixtureJobSpec;
import io.s2l.study.MixtureRecommendationSpec;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ResourceEstimate;
import io.s2l.study.TrainingJobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recommends mixtures (docs/science.md section 4.4, after RegMix): per proxy scale, regresses the
 * target evaluation set's mean loss (averaged over seeds) on the mixture weights with least squares
 * and with XGBoost, reports each regression's leave-one-out R^2, and recommends the average of the
 * {@code topK} candidate mixtures (flat Dirichlet draws inside the support of that scale's proxy
 * runs) with the lowest predicted losses, with the jackknife prediction interval of its predicted
 * loss. Stores the recommendations and queues the reference models on them and on random mixtures
 * (the baseline), with the job's completion, trained by the reference's trainer as the study was
 * submitted with it.
 */
@Component
class RecommendJobHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(RecommendJobHandler.class);
  private static final long MODEL_SEED = 7L;

  private final ObjectMapper json;
  private final MixtureRuns runs;
  private final MixtureStore store;

  RecommendJobHandler(ObjectMapper json, MixtureRuns runs, MixtureStore store) {
    this.json = json;
    this.runs = runs;
    this.store = store;
  }

  @Override
  public String kind() {
    return JobKinds.RECOMMEND;
  }

  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    MixtureJobSpec spec = json.readValue(job.payloadJson(), MixtureJobSpec.class);
    MixtureRecommendationSpec settings = spec.settings();
    Map<String, List<ProxyRun>> byScale = new LinkedHashMap<>();
    TreeSet<String> domainSet = new TreeSet<>();
    for (String scale : spec.proxyScales()) {
      List<ProxyRun> loaded = runs.load(spec.studyId(), scale, settings.target());
      if (loaded.isEmpty()) {
        throw new IllegalStateException(
            "no proxy run of scale " + scale + " on " + settings.target());
      }
      loaded.forEach(r -> domainSet.addAll(r.weights().keySet()));
      byScale.put(scale, loaded);
    }
    List<String> domains = List.copyOf(domainSet);
    List<RecommendedMixture> recommendations = new ArrayList<>();
    for (Map.Entry<String, List<ProxyRun>> scale : byScale.entrySet()) {
      recommendations.addAll(recommend(scale.getKey(), scale.getValue(), domains, settings));
      context.progress(0.9 * recommendations.size() / (2.0 * byScale.size()));
      context.checkLease();
    }
    List<MixtureSpec> baselines = new ArrayList<>();
    List<MixtureSpec> draws =
        MixtureGenerator.dirichlet(
            domains, settings.randomMixturesOrDefault(), 1.0, settings.seedOrDefault() + 1);
    for (int j = 0; j < draws.size(); j++) {
      baselines.add(
          new MixtureSpec(MixtureRecommendationSpec.randomName(j), draws.get(j).weights()));
    }
    List<MixtureSpec> verify = new ArrayList<>();
    recommendations.forEach(r -> verify.add(new MixtureSpec(r.name(), r.weights())));
    verify.addAll(baselines);
    MixtureRecommendation document =
        document(spec, domains, settings.candidatesOrDefault(), recommendations, baselines);
    int version = store.recommendAndComplete(spec.studyId(), document, jobs(spec, verify), job);
    log.info(
        "study {}: {} mixtures recommended (version {}), {} reference models queued",
        spec.studyId(),
        recommendations.size(),
        version,
        verify.size() * spec.seeds().size());
  }

  private static List<RecommendedMixture> recommend(
      String scale,
      List<ProxyRun> scaleRuns,
      List<String> domains,
      MixtureRecommendationSpec settings) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
    double flops = 0;
    for (ProxyRun r : scaleRuns) {
      sums.computeIfAbsent(r.distribution(), k -> new double[1])[0] += r.meanLoss();
      counts.merge(r.distribution(), 1, Integer::sum);
      weights.put(r.distribution(), r.weights());
      flops += r.flops() / scaleRuns.size();
    }
    int n = sums.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    int i = 0;
    for (String d : sums.keySet()) {
      x[i] = vector(weights.get(d), domains);
      y[i++] = sums.get(d)[0] / counts.get(d);
    }
    Support support = Support.of(x);
    List<double[]> candidates =
        support.candidates(settings.candidatesOrDefault(), settings.seedOrDefault());
    List<String> varied = new ArrayList<>();
    for (int d = 0; d < domains.size(); d++) {
      if (support.varies(d)) {
        varied.add(domains.get(d));
      }
    }
    List<RecommendedMixture> out = new ArrayList<>();
    List<BiFunction<double[][], double[], MixtureModel>> fitters =
        List.of(LinearMixtureModel::fit, (a, b) -> BoostedMixtureModel.fit(a, b, MODEL_SEED));
    for (BiFunction<double[][], double[], MixtureModel> fitter : fitters) {
      MixtureModel model = fitter.apply(x, y);
      double[] residuals = CrossValidation.leaveOneOutResiduals(fitter, x, y);
      MixtureSearch.Best best = MixtureSearch.topK(model, candidates, settings.topKOrDefault());
      List<Double> interval =
          PredictionInterval.jackknife(best.predictedLoss(), residuals)
              .map(p -> List.of(p.low(), p.high()))
              .orElse(null);
      Map<String, Double> recommended = new LinkedHashMap<>();
      for (int d = 0; d < domains.size(); d++) {
        recommended.put(domains.get(d), best.weights()[d]);
      }
      out.add(
          new RecommendedMixture(
              MixtureRecommendationSpec.recommendedName(model.name(), scale),
              model.name(),
              scale,
              flops,
              recommended,
              best.predictedLoss(),
              CrossValidation.r2(y, residuals),
              n,
              interval,
              List.copyOf(varied)));
    }
    return out;
  }

  private List<NewJob> jobs(MixtureJobSpec spec, List<MixtureSpec> mixtures) throws Exception {
    List<NewJob> jobs = new ArrayList<>();
    for (MixtureSpec m : mixtures) {
      for (long seed : spec.seeds()) {
        TrainingJobSpec t =
            new TrainingJobSpec(
                spec.dataset(),
                spec.reference(),
                m,
                seed,
                spec.tokensPerParam(),
                spec.evalSets(),
                spec.training(),
                spec.referenceTrainer());
        jobs.add(
            new NewJob(
                spec.studyId(),
                JobKinds.training(t),
                t.key(),
                json.writeValueAsString(t),
                3,
                ResourceEstimate.needsGpu(t),
                ResourceEstimate.memoryBytes(t)));
      }
    }
    return jobs;
  }

  private static MixtureRecommendation document(
      MixtureJobSpec spec,
      List<String> domains,
      int candidates,
      List<RecommendedMixture> recommendations,
      List<MixtureSpec> baselines) {
    return new MixtureRecommendation(
        spec.studyId(),
        spec.settings().target(),
        spec.reference().name(),
        domains,
        candidates,
        recommendations,
        baselines.stream().map(m -> new NamedMixture(m.name(), m.weights())).toList(),
        spec.settings().topKOrDefault());
  }

  private static double[] vector(Map<String, Double> weights, List<String> domains) {
    double[] v = new double[domains.size()];
    for (int d = 0; d < v.length; d++) {
      v[d] = weights.getOrDefault(domains.get(d), 0.0);
    }
    return v;
  }
}
