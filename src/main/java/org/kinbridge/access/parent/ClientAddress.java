package org.kinbridge.access.parent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a parent's request came from, which failed attempts are counted against. {@code X-Forwarded-For} is
 * believed only from the proxies listed in {@code KINBRIDGE_TRUSTED_PROXIES} (comma-separated addresses): anyone
 * else could write any address there and so escape the count. Without the setting, a load balancer's own address
 * would be everyone's, so list it when one is in front.
 */
@ApplicationScoped
public class ClientAddress {

    private final Set<String> trustedProxies;

    @Inject
    public ClientAddress(@ConfigProperty(name = "kinbridge.trusted-proxies") Optional<String> proxies) {
        this.trustedProxies = proxies.map(p -> Arrays.stream(p.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /** No-argument constructor for the CDI proxy. */
    protected ClientAddress() {
        this.trustedProxies = Set.of();
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    /** The nearest address in the forwarding chain that is not one of our proxies. */
    String of(String remoteAddress, String forwardedFor) {
        String address = remoteAddress;
        if (forwardedFor != null) {
            List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(address); i--) {
                address = hops.get(i);
            }
        }
        return address;
    }
}
