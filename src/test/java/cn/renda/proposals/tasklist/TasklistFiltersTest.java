package cn.renda.proposals.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.SuperviseOverdue;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TasklistFiltersTest {

  @Autowired TasklistFilters filters;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldGiveEachRoleItsFiltersAndKeepThemOnceAcrossRestarts() {
    // when the start-up runs again (a restart, a second node)
    filters.run(null);

    // then each filter exists once, and each role sees its own
    assertThat(filterService.createTaskFilterQuery().list()).extracting(Filter::getName)
        .containsExactlyInAnyOrder(TasklistFilters.MINE, TasklistFilters.MY_UNIT, TasklistFilters.DUE_SOON,
            TasklistFilters.OVERDUE, TasklistFilters.SUPERVISION);
    assertThat(visibleFilters("zfw-handler"))
        .containsExactly(TasklistFilters.MINE, TasklistFilters.MY_UNIT, TasklistFilters.DUE_SOON,
            TasklistFilters.OVERDUE);
    assertThat(visibleFilters("zfw-leader"))
        .containsExactly(TasklistFilters.MINE, TasklistFilters.MY_UNIT, TasklistFilters.DUE_SOON,
            TasklistFilters.OVERDUE);
    assertThat(visibleFilters("gov-clerk")).containsExactly(TasklistFilters.MINE, TasklistFilters.MY_UNIT,
        TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE, TasklistFilters.SUPERVISION);
    assertThat(visibleFilters("congress-clerk")).contains(TasklistFilters.SUPERVISION);
    assertThat(visibleFilters("maohongding"))
        .containsExactly(TasklistFilters.MINE, TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE);
  }

  @Test
  void shouldListUnitWorkByDueDateAndMoveItToDueSoonAndOverdueAsTimePasses() {
    // given two proposals drafting at zfw, replies due 2026-10-08 and 2026-10-15
    driver.today(LocalDate.of(2026, 7, 1));
    String first = walk.toDrafting(ProcessDriver.newSession(), "zfw");
    driver.today(LocalDate.of(2026, 7, 15));
    String second = walk.toDrafting(ProcessDriver.newSession(), "zfw");
    Task firstDraft = driver.task(first, DraftReply.KEY);
    Task secondDraft = driver.task(second, DraftReply.KEY);

    // then the unit sees both, soonest first, and other agencies see neither
    assertThat(ids("zfw-handler", TasklistFilters.MY_UNIT))
        .containsSubsequence(firstDraft.getId(), secondDraft.getId());
    // also when listed the way Tasklist asks, newest first: the filter's ordering comes first
    assertThat(as("zfw-handler", () -> filterService.list(filterId(TasklistFilters.MY_UNIT),
            taskService.createTaskQuery().orderByTaskCreateTime().desc()).stream().map(task -> ((Task) task).getId())
        .toList()))
        .containsSubsequence(firstDraft.getId(), secondDraft.getId());
    assertThat(ids("sfj-handler", TasklistFilters.MY_UNIT)).doesNotContain(firstDraft.getId(), secondDraft.getId());
    assertThat(ids("zfw-handler", TasklistFilters.MINE)).doesNotContain(firstDraft.getId());
    assertThat(ids("zfw-handler", TasklistFilters.DUE_SOON)).doesNotContain(firstDraft.getId());

    // when a handler claims one: it is theirs, and still the unit's
    driver.as("zfw-handler", () -> taskService.claim(firstDraft.getId(), "zfw-handler"));
    assertThat(ids("zfw-handler", TasklistFilters.MINE)).contains(firstDraft.getId())
        .doesNotContain(secondDraft.getId());
    assertThat(ids("zfw-handler", TasklistFilters.MY_UNIT)).contains(firstDraft.getId(), secondDraft.getId());

    // when the first reply is due in less than a week (2026-10-08), then late
    driver.today(LocalDate.of(2026, 10, 5));
    assertThat(ids("zfw-handler", TasklistFilters.DUE_SOON)).contains(firstDraft.getId())
        .doesNotContain(secondDraft.getId());
    assertThat(ids("zfw-handler", TasklistFilters.OVERDUE)).doesNotContain(firstDraft.getId());
    driver.today(LocalDate.of(2026, 10, 9));
    assertThat(ids("zfw-handler", TasklistFilters.OVERDUE)).contains(firstDraft.getId())
        .doesNotContain(secondDraft.getId());
    assertThat(ids("zfw-handler", TasklistFilters.DUE_SOON)).contains(secondDraft.getId())
        .doesNotContain(firstDraft.getId());
    assertThat(ids("sfj-handler", TasklistFilters.OVERDUE)).doesNotContain(firstDraft.getId());
  }

  @Test
  void shouldListSupervisionTasksForTheOffices() {
    driver.today(LocalDate.of(2026, 7, 1));
    String id = walk.toDrafting(ProcessDriver.newSession(), "czj");

    driver.fire(id, "Timer_ReplyOverdue");

    String supervision = driver.task(id, SuperviseOverdue.KEY).getId();
    assertThat(ids("gov-clerk", TasklistFilters.SUPERVISION)).contains(supervision);
    assertThat(ids("gov-clerk", TasklistFilters.SUPERVISION)).doesNotContain(driver.task(id, DraftReply.KEY).getId());
    // a normal proposal is supervised by the government office only
    assertThat(ids("congress-clerk", TasklistFilters.SUPERVISION)).doesNotContain(supervision);
  }

  /** The filters the user may read, in Tasklist's order (by priority). */
  private List<String> visibleFilters(String user) {
    return as(user, () -> filterService.createTaskFilterQuery().list().stream()
        .sorted((a, b) -> Integer.compare(priority(a), priority(b)))
        .map(Filter::getName)
        .toList());
  }

  private static int priority(Filter filter) {
    return ((Number) filter.getProperties().get("priority")).intValue();
  }

  /** The ids of the tasks the filter lists for the user, in the filter's order. */
  private List<String> ids(String user, String filterName) {
    return as(user, () -> {
      List<String> ids = new ArrayList<>();
      for (Object task : filterService.list(filterId(filterName))) {
        ids.add(((Task) task).getId());
      }
      return ids;
    });
  }

  private String filterId(String name) {
    return filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  private <T> T as(String user, Supplier<T> call) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    identityService.setAuthentication(user, groups);
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
