package cn.renda.proposals.tasklist;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.identity.AuthorizationGrants;
import cn.renda.proposals.identity.Groups;
import cn.renda.proposals.process.SuperviseDissatisfaction;
import cn.renda.proposals.process.SuperviseOverdue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every role starts with, created at start-up and brought back to this definition on every start
 * (a filter renamed or changed in Tasklist by an administrator is corrected; one deleted is created again). Each is
 * sorted by due date, soonest first: a filter's own ordering comes before the sorting Tasklist adds.
 *
 * <p>The queries use expressions evaluated for the person looking ({@code ${currentUser()}},
 * {@code ${currentUserGroups()}}, {@code ${now()}}), so one filter serves everybody; the engine's authorizations still
 * decide which tasks anybody sees. Filters are shared (no owner) and granted READ per group.
 */
@Component
@Order(15)
public class TasklistFilters implements ApplicationRunner {

  public static final String MINE = "我的待办";
  public static final String MY_UNIT = "本单位待办";
  public static final String DUE_SOON = "即将到期";
  public static final String OVERDUE = "已超期";
  public static final String SUPERVISION = "督办";

  private static final String CURRENT_USER = "${currentUser()}";
  private static final String CURRENT_GROUPS = "${currentUserGroups()}";
  private static final String NOW = "${now()}";
  private static final String IN_SEVEN_DAYS = "${dateTime().plusDays(7)}";

  /** A filter: name, what Tasklist shows under it, its place in the list, its query and who may use it. */
  record Definition(
      String name, String description, int priority, UnaryOperator<TaskQuery> query, List<String> groups) {}

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationGrants grants;
  private final AgencyDirectory agencies;

  public TasklistFilters(
      FilterService filterService, TaskService taskService, AuthorizationGrants grants, AgencyDirectory agencies) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
    this.agencies = agencies;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<Definition> definitions = definitions();
    Set<String> groups = new LinkedHashSet<>();
    definitions.forEach(definition -> groups.addAll(definition.groups()));
    AuthorizationGrants.Known known = grants.known(groups, Set.of(Resources.FILTER));
    for (Definition definition : definitions) {
      Filter filter = ensure(definition);
      for (String group : definition.groups()) {
        known.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  List<Definition> definitions() {
    List<String> everybody = new ArrayList<>(List.of(Groups.DEPUTIES, Groups.CONGRESS_OFFICE, Groups.GOV_OFFICE));
    List<String> staff = new ArrayList<>(List.of(Groups.CONGRESS_OFFICE, Groups.GOV_OFFICE));
    for (Agency agency : agencies.all()) {
      for (String group : List.of(Groups.agency(agency.code()), Groups.agencyLeaders(agency.code()))) {
        everybody.add(group);
        staff.add(group);
      }
    }
    List<String> offices = List.of(Groups.CONGRESS_OFFICE, Groups.GOV_OFFICE);
    return List.of(
        new Definition(MINE, "已由我认领或指派给我的任务", -10,
            query -> query.taskAssigneeExpression(CURRENT_USER), everybody),
        new Definition(MY_UNIT, "本单位（我所在的组）的全部任务，含同事已认领的", -9,
            query -> query.taskCandidateGroupInExpression(CURRENT_GROUPS).includeAssignedTasks(), staff),
        new Definition(DUE_SOON, "我和本单位7天内到期的任务", -8,
            query -> mineOrMyUnits(query).dueAfterExpression(NOW).dueBeforeExpression(IN_SEVEN_DAYS), everybody),
        new Definition(OVERDUE, "我和本单位已超过期限的任务", -7,
            query -> mineOrMyUnits(query).dueBeforeExpression(NOW), everybody),
        new Definition(SUPERVISION, "超期督办和督办审议任务", -6,
            query -> query.taskDefinitionKeyIn(SuperviseOverdue.KEY, SuperviseDissatisfaction.KEY)
                .taskCandidateGroupInExpression(CURRENT_GROUPS)
                .includeAssignedTasks(),
            offices));
  }

  private static TaskQuery mineOrMyUnits(TaskQuery query) {
    return query.or()
        .taskAssigneeExpression(CURRENT_USER)
        .taskCandidateGroupInExpression(CURRENT_GROUPS)
        .includeAssignedTasks()
        .endOr();
  }

  private Filter ensure(Definition definition) {
    List<Filter> existing = filterService.createTaskFilterQuery().filterName(definition.name()).list().stream()
        .filter(filter -> filter.getOwner() == null)
        .toList();
    Filter filter = existing.isEmpty() ? filterService.newTaskFilter(definition.name()) : existing.get(0);
    TaskQuery query = definition.query().apply(taskService.createTaskQuery()).orderByDueDate().asc();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    filter.setQuery(query);
    filter.setProperties(properties);
    return filterService.saveFilter(filter);
  }
}
