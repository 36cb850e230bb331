package org.parley.interfaces.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.domain.model.shared.RateLimit;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Slows password guessing: after {@code parley.admin.login.attempts} refused sign-ins for one name
 * or from one address, that name or address may try once per {@code parley.admin.login.lockout}.
 * While locked out, the password is not even checked. Per node, in memory.
 */
@ApplicationScoped
public class SignInThrottle {

  @Inject
  @ConfigProperty(
      name = ConfigKeys.ADMIN_LOGIN_ATTEMPTS,
      defaultValue = ConfigKeys.ADMIN_LOGIN_ATTEMPTS_DEFAULT)
  int attempts;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.ADMIN_LOGIN_LOCKOUT,
      defaultValue = ConfigKeys.ADMIN_LOGIN_LOCKOUT_DEFAULT)
  Duration lockout;

  private RateLimit names;
  private RateLimit addresses;

  @PostConstruct
  void init() {
    names = new RateLimit(attempts, lockout, Clock.systemUTC());
    addresses = new RateLimit(attempts, lockout, Clock.systemUTC());
  }

  /** Why this sign-in may not be tried now (and for how long), if it may not. */
  Optional<String> lockedOut(String name, String address) {
    Duration byName = names.waitFor(key(name));
    if (!byName.isZero()) {
      return Optional.of("too many refused sign-ins for this name; " + seconds(byName));
    }
    Duration byAddress = addresses.waitFor(address);
    if (!byAddress.isZero()) {
      return Optional.of("too many refused sign-ins from this address; " + seconds(byAddress));
    }
    return Optional.empty();
  }

  /** Counts a refused sign-in against the name and the address. */
  void refused(String name, String address) {
    names.tryTake(key(name));
    addresses.tryTake(address);
  }

  private static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  private static String seconds(Duration wait) {
    return "try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s";
  }
}
