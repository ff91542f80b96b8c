package org.kinbridge.crosslink;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kinbridge.crosslink.protocol.CrossLinkMessage;
import org.kinbridge.crosslink.protocol.MessageRefusedException;
import org.kinbridge.crosslink.protocol.MessageSigner;
import org.kinbridge.crosslink.protocol.MessageType;
import org.kinbridge.family.FamilyDirectory;
import org.kinbridge.family.GuardianLinks;
import org.kinbridge.family.StoredLink;
import org.kinbridge.lti.security.ToolKeys;
import org.kinbridge.shared.ProblemKind;
import org.kinbridge.shared.TenantId;

/**
 * What Kinbridge shares with a linked product: per student (by OneRoster sourcedId) the active parents and
 * guardians, as typed records in signed {@code feed.response}s, a page of students each (the request's {@code after}
 * names the last student of the page before; the answer's {@code next}, the cursor for the page after it). Only while
 * the link is LINKED.
 */
@ApplicationScoped
public class FeedPublisher {

    static final String GUARDIANS = "kinbridge.guardians";

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

    @Inject
    private CrossLinkSettings settings;

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
        Object after = request.data().get("after");
        if (after != null && (!(after instanceof String cursor) || cursor.isBlank() || cursor.length() > 255)) {
            throw new MessageRefusedException(ProblemKind.INVALID, "invalid_cursor", "after names the last student of a page.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("in_reply_to", request.id());
        List<StoredLink> links = guardianLinks.activeLinksOfStudentsAfter(received.tenant(), (String) after, settings.feedPage() + 1);
        List<Map<String, Object>> records = records(received.tenant(), links);
        if (records.size() > settings.feedPage()) { // one student more than a page was read: there is a next page
            records = records.subList(0, settings.feedPage());
            data.put("next", records.get(records.size() - 1).get("sourcedId"));
        }
        data.put("records", records);
        CrossLinkMessage response = CrossLinkMessage.create(MessageType.FEED_RESPONSE, handshakes.ourBase(), received.sender(),
                received.tenant().value(), request.senderSchool(), request.handshake(), data);
        return MessageSigner.sign(response, toolKeys.signingKey(), clock.instant());
    }

    /** One record per student of these links (ordered by student), naming each guardian with their account status. */
    private List<Map<String, Object>> records(TenantId tenant, List<StoredLink> links) {
        Set<String> guardians = new HashSet<>();
        links.forEach(link -> guardians.add(link.guardianSourcedId()));
        Map<String, String> names = directory.names(tenant, guardians);
        Map<String, GuardianAccounts.Status> statuses = guardianAccounts.isResolvable()
                ? guardianAccounts.get().statuses(tenant, guardians) : null;
        Map<String, List<Map<String, Object>>> byStudent = new LinkedHashMap<>();
        for (StoredLink link : links) {
            Map<String, Object> guardian = new LinkedHashMap<>();
            guardian.put("sourcedId", link.guardianSourcedId());
            guardian.put("name", names.getOrDefault(link.guardianSourcedId(), link.guardianSourcedId()));
            guardian.put("role", link.guardianRole());
            guardian.put("accountStatus", (statuses == null ? GuardianAccounts.Status.UNKNOWN
                    : statuses.getOrDefault(link.guardianSourcedId(), GuardianAccounts.Status.NONE)).word());
            byStudent.computeIfAbsent(link.studentSourcedId(), s -> new ArrayList<>()).add(guardian);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        byStudent.forEach((student, guardiansOfStudent) -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", GUARDIANS);
            record.put("sourcedId", student);
            record.put("data", Map.of("guardians", guardiansOfStudent));
            records.add(record);
        });
        return records;
    }
}
