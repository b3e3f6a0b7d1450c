package io.s2l.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpusTest {

  @Test
  void countsTheGpusOfAnNvidiaSmiListing() {
    String listing =
        "GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-5d0b3c1e-1111-2222-3333-444455556666)\n"
            + "  MIG 3g.40gb Device 0: (UUID: MIG-aaaa)\n"
            + "GPU 1: NVIDIA A100-SXM4-80GB (UUID: GPU-7e1c4d2f-1111-2222-3333-444455556666)\n";
    assertThat(Gpus.count(listing)).isEqualTo(2);
    assertThat(Gpus.count("")).isZero();
  }

  @Test
  void workersBeyondTheGpusSeeNone() {
    assertThat(Gpus.visibleDevices(0, 2)).isEqualTo("0");
    assertThat(Gpus.visibleDevices(1, 2)).isEqualTo("1");
    assertThat(Gpus.visibleDevices(2, 2)).isEmpty();
    assertThat(Gpus.visibleDevices(0, 0)).isEmpty();
  }
}
