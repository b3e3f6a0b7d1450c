package io.s2l.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.client.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Where the commands find a running platform, and the exit code each failure kind ends with. */
class RemoteOptionsTest {

  @Command
  static final class Holder {
    @Mixin RemoteOptions remote;
  }

  private static RemoteOptions parsed(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.remote;
  }

  @Test
  void theAnalysisServiceIsOnTheExperimentServicesHostOnPort8081UnlessGiven() {
    assertThat(parsed("--url", "http://platform.example:9000/").analysisUrl())
        .isEqualTo("http://platform.example:8081");
    assertThat(
            parsed("--url", "http://a:1", "--analysis-url", "https://b.example/analysis")
                .analysisUrl())
        .isEqualTo("https://b.example/analysis");
  }

  @Test
  void aUrlThatIsNotOneIsAUsageError() {
    assertThatThrownBy(() -> parsed("--url", "localhost").analysisUrl())
        .isInstanceOfSatisfying(
            CliFailure.class, f -> assertThat(f.code()).isEqualTo(ExitCodes.USAGE))
        .hasMessageContaining("--url");
  }

  @Test
  void eachFailureKindHasItsExitCode() {
    Map<ApiException.Kind, Integer> codes =
        Map.of(
            ApiException.Kind.UNREACHABLE, 3,
            ApiException.Kind.UNAUTHORIZED, 4,
            ApiException.Kind.FORBIDDEN, 4,
            ApiException.Kind.NOT_FOUND, 5,
            ApiException.Kind.BAD_REQUEST, 6,
            ApiException.Kind.CONFLICT, 6,
            ApiException.Kind.PRECONDITION_FAILED, 6,
            ApiException.Kind.TOO_MANY_REQUESTS, 6,
            ApiException.Kind.SERVER_ERROR, 7,
            ApiException.Kind.UNREADABLE, 7);
    codes.forEach(
        (kind, code) -> assertThat(ExitCodes.of(kind)).as(kind.toString()).isEqualTo(code));
  }
}
