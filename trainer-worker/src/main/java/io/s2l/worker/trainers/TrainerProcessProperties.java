package io.s2l.worker.trainers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker runs external trainers as child processes ({@code s2l.worker.trainer-process.*};
 * docs/trainer-contract.md sections 1 and 5).
 *
 * @param ownProcessGroup on Linux, start the trainer through {@code setsid} and {@code setpriv
 *     --pdeathsig KILL} when both exist: its own process group (so its whole tree can be signalled)
 *     and SIGKILL when the worker dies. False starts the command as it is; then only the trainer's
 *     descendants are killed on cancel, and nothing kills it when the worker dies.
 * @param grace how long SIGTERM has to end the trainer's tree before SIGKILL
 * @param poll how often the worker checks the trainer's exit, silence, deadline and the lease
 * @param cudaVisibleDevices passed to the trainer as {@code CUDA_VISIBLE_DEVICES} (the GPU this
 *     worker owns); null or empty passes nothing
 */
@ConfigurationProperties("s2l.worker.trainer-process")
public record TrainerProcessProperties(
    @DefaultValue("true") boolean ownProcessGroup,
    @DefaultValue("10s") Duration grace,
    @DefaultValue("1s") Duration poll,
    String cudaVisibleDevices) {}
