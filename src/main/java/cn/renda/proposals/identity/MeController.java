package cn.renda.proposals.identity;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the caller's account, groups and agencies. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "me", description = "当前用户 / the current user")
class MeController {

  private final IdentityService identityService;
  private final AgencyDirectory agencies;

  MeController(IdentityService identityService, AgencyDirectory agencies) {
    this.identityService = identityService;
    this.agencies = agencies;
  }

  record GroupView(String id, String name) {}

  record MeView(String id, String name, String email, List<GroupView> groups, List<Agency> agencies) {}

  @GetMapping
  @Operation(summary = "The authenticated user, its groups and the agencies it works for")
  MeView me(CurrentUser user) {
    User account = identityService.createUserQuery().userId(user.id()).singleResult();
    List<GroupView> groups = identityService.createGroupQuery().groupMember(user.id()).orderByGroupId().asc().list()
        .stream()
        .map((Group g) -> new GroupView(g.getId(), g.getName()))
        .toList();
    List<Agency> mine = user.agencyCodes().stream().flatMap(code -> agencies.find(code).stream()).toList();
    String name = account == null ? user.id() : (account.getFirstName() + " " + account.getLastName()).trim();
    return new MeView(user.id(), name, account == null ? null : account.getEmail(), groups, mine);
  }
}
