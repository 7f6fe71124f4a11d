package cn.renda.proposals.process;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Which deadline each element of a deployed model uses, as the model says it: the due date of each user task and the
 * date or cycle of each timer ({@code ${deadlines.…}}). Read once per process definition (every version of the model
 * a running proposal is on).
 */
@Component
class ModelDeadlines {

  /**
   * An element with a deadline: a user task's due date or a boundary timer.
   *
   * @param step the user task, or the activity the timer is attached to
   * @param stepName its name in the model
   */
  record Element(String id, String step, String stepName, DeadlineExpression expression) {}

  /** The deadlines of one process definition, by user task id and by timer (boundary event) id. */
  record Model(Map<String, Element> dueDates, Map<String, Element> timers) {}

  private final RepositoryService repository;
  private final Map<String, Model> models = new ConcurrentHashMap<>();

  ModelDeadlines(RepositoryService repository) {
    this.repository = repository;
  }

  Model of(String processDefinitionId) {
    return models.computeIfAbsent(processDefinitionId, id -> read(repository.getBpmnModelInstance(id), id));
  }

  static Model read(BpmnModelInstance model, String description) {
    Map<String, Element> dueDates = new HashMap<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String dueDate = task.getCamundaDueDate();
      if (dueDate != null) {
        dueDates.put(task.getId(), new Element(task.getId(), task.getId(), task.getName(),
            expression(dueDate, task.getId(), description)));
      }
    }
    Map<String, Element> timers = new HashMap<>();
    for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
      for (TimerEventDefinition timer : event.getChildElementsByType(TimerEventDefinition.class)) {
        String text = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
            : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent()
            : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent() : null;
        if (DeadlineExpression.asksDeadlines(text)) {
          Activity attached = event.getAttachedTo();
          timers.put(event.getId(), new Element(event.getId(), attached.getId(), attached.getName(),
              expression(text, event.getId(), description)));
        }
      }
    }
    return new Model(Map.copyOf(dueDates), Map.copyOf(timers));
  }

  private static DeadlineExpression expression(String text, String element, String description) {
    return DeadlineExpression.of(text).orElseThrow(() -> new IllegalStateException(
        "The deadline " + text + " of " + element + " in " + description + " is not a DeadlineExpression: a change of"
            + " the working-day calendar could not compute it again"));
  }
}
