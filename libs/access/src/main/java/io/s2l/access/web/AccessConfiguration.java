package io.s2l.access.web;

import io.s2l.access.AccessSchema;
import io.s2l.access.ApiKeys;
import io.s2l.access.Quotas;
import io.s2l.access.StudyOwners;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The key store and the ownership records, with the {@code access} schema migrated first. When
 * {@code s2l.access.admin-key} (env {@code S2L_ADMIN_KEY}) is set, an admin key with that secret is
 * made sure to exist: it is how a new installation gets its first key. Services import this and
 * build their chain with {@link AccessSecurity#chain}.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

  @Bean
  ApiKeys apiKeys(
      DataSource dataSource,
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${s2l.access.admin-key:}") String adminKey) {
    AccessSchema.migrate(dataSource);
    ApiKeys keys = new ApiKeys(jdbc, clock);
    if (!adminKey.isBlank()) {
      keys.ensureAdmin(adminKey.trim());
      log.info("bootstrap admin key is in place (from s2l.access.admin-key)");
    } else if (keys.count() == 0) {
      log.warn(
          "no API key exists and s2l.access.admin-key (S2L_ADMIN_KEY) is not set:"
              + " every API request will be refused with 401");
    }
    return keys;
  }

  @Bean
  StudyOwners studyOwners(JdbcTemplate jdbc, ApiKeys keys) {
    return new StudyOwners(jdbc);
  }

  /** The quotas; a reservation expires after {@code s2l.access.quota-reservation-ttl}. */
  @Bean
  Quotas quotas(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      ApiKeys keys,
      @Value("${s2l.access.quota-reservation-ttl:60s}") Duration reservationTtl) {
    return new Quotas(jdbc, new TransactionTemplate(transactions), reservationTtl);
  }

  /** The owner check of every handler under {@code /api/v1/studies/{id}}. */
  @Bean
  WebMvcConfigurer studyVisibility(StudyOwners owners) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StudyVisibility(owners));
      }
    };
  }
}
