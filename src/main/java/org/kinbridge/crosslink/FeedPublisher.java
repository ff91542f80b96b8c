package org.kinbridge.crosslink;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kinbridge.crosslink.protocol.CrossLinkMessage;
import org.kinbridge.crosslink.protocol.MessageRefusedException;
import org.kinbridge.crosslink.protocol.MessageSigner;
import org.kinbridge.crosslink.protocol.MessageType;
import org.kinbridge.family.FamilyDirectory;
import org.kinbridge.family.GuardianLinks;
import org.kinbridge.family.PersonSummary;
import org.kinbridge.lti.security.ToolKeys;
import org.kinbridge.shared.ProblemKind;
import org.kinbridge.shared.TenantId;

/**
 * What Kinbridge shares with a linked product: per student (by OneRoster sourcedId) the active parents and
 * guardians, as typed records in a signed {@code feed.response}. Only while the link is LINKED.
 */
@ApplicationScoped
public class FeedPublisher {

    static final String GUARDIANS = "kinbridge.guardians";
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 100;

    @Inject
    private PeerEvents peerEvents;

    @Inject
    private HandshakeService handshakes;

    @Inject
    private FamilyDirectory directory;

    @Inject
    private GuardianLinks guardianLinks;

    @Inject
    private ToolKeys toolKeys;

    @Inject
    private Clock clock;

    @Inject
    private Instance<GuardianAccounts> guardianAccounts;

    /** Answers a signed feed request with a signed feed response, or refuses when not linked. */
    @Transactional
    public String answer(SignedJWT jwt, JWKSet senderKeys) {
        PeerEvents.Received received = peerEvents.open(jwt, senderKeys);
        CrossLinkMessage request = received.message();
        if (request.type() != MessageType.FEED_REQUEST) {
            throw new MessageRefusedException(ProblemKind.INVALID, "wrong_endpoint", "Only feed.request messages go to the feed endpoint.");
        }
        boolean linked = handshakes.byPeer(received.tenant(), received.sender(), request.senderSchool())
                .filter(l -> l.state() == LinkState.LINKED && l.handshakeId().equals(request.handshake())).isPresent();
        if (!linked) {
            throw new MessageRefusedException(ProblemKind.FORBIDDEN, "not_linked",
                    "No data is shared before both schools' main admins have approved the link.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("in_reply_to", request.id());
        data.put("records", records(received.tenant()));
        CrossLinkMessage response = CrossLinkMessage.create(MessageType.FEED_RESPONSE, handshakes.ourBase(), received.sender(),
                received.tenant().value(), request.senderSchool(), request.handshake(), data);
        return MessageSigner.sign(response, toolKeys.signingKey(), clock.instant());
    }

    private List<Map<String, Object>> records(TenantId tenant) {
        Map<String, String> names = new HashMap<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            FamilyDirectory.Page adults = directory.search(tenant, "", FamilyDirectory.Filter.ADULTS, page * PAGE, PAGE);
            for (PersonSummary adult : adults.items()) {
                String name = ((adult.givenName() == null ? "" : adult.givenName()) + " "
                        + (adult.familyName() == null ? "" : adult.familyName())).trim();
                names.put(adult.sourcedId(), name.isEmpty() ? adult.sourcedId() : name);
            }
            if (adults.items().size() < PAGE) { // the last page (the total of a large tenant is only a lower bound)
                break;
            }
        }
        Map<String, GuardianAccounts.Status> statuses = guardianAccounts.isResolvable()
                ? guardianAccounts.get().statuses(tenant) : null;
        Map<String, List<Map<String, Object>>> byStudent = new TreeMap<>();
        guardianLinks.forEach(tenant, link -> {
            if (link.active()) {
                Map<String, Object> guardian = new LinkedHashMap<>();
                guardian.put("sourcedId", link.guardianSourcedId());
                guardian.put("name", names.getOrDefault(link.guardianSourcedId(), link.guardianSourcedId()));
                guardian.put("role", link.guardianRole());
                guardian.put("accountStatus", (statuses == null ? GuardianAccounts.Status.UNKNOWN
                        : statuses.getOrDefault(link.guardianSourcedId(), GuardianAccounts.Status.NONE)).word());
                byStudent.computeIfAbsent(link.studentSourcedId(), s -> new ArrayList<>()).add(guardian);
            }
        });
        List<Map<String, Object>> records = new ArrayList<>();
        byStudent.forEach((student, guardians) -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", GUARDIANS);
            record.put("sourcedId", student);
            record.put("data", Map.of("guardians", guardians));
            records.add(record);
        });
        return records;
    }
}
