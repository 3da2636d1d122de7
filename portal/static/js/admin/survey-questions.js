/* The page editor's survey-results block: its questions follow the survey chosen beside them.

   Each question's checkbox is a Stimulus controller (Wagtail's admin application) that knows
   the surveys it belongs to (data-survey-question-surveys-value: the original's id and its
   translations'). When the block's survey chooser changes (its hidden input, named like the
   questions with "-survey" for "-questions", announces a change), the questions of other
   surveys are hidden, unticked and disabled; with no survey chosen, all are offered. The
   server still refuses a question of another survey. */
(function () {
  "use strict";
  if (!window.wagtail || !window.wagtail.app || !window.StimulusModule) return;

  class SurveyQuestion extends window.StimulusModule.Controller {
    static values = { surveys: String };

    connect() {
      this.chooser = this.element.name.replace(/-questions$/, "-survey");
      this.follow = (event) => {
        if (event.target.name === this.chooser) this.offer(event.target.value);
      };
      document.addEventListener("change", this.follow);
      const input = document.querySelector(`input[name="${CSS.escape(this.chooser)}"]`);
      this.offer(input ? input.value : "");
    }

    disconnect() {
      document.removeEventListener("change", this.follow);
    }

    offer(survey) {
      const other = survey !== "" && !this.surveysValue.split(" ").includes(survey);
      const option = this.element.closest("label") || this.element;
      option.hidden = other;
      this.element.disabled = other;
      if (other) this.element.checked = false;
    }
  }

  window.wagtail.app.register("survey-question", SurveyQuestion);
})();
