"""'Czytaj na głos' in Chromium, with a stubbed speech engine: nothing is really spoken."""

import io
import json

import pytest
from django.core.management import call_command

from communities.models import CommunityArea
from news.models import NewsItem
from projects.models import Project

pytestmark = pytest.mark.django_db(transaction=True)

# A stand-in for window.speechSynthesis that records what it is asked to do;
# finish() ends the utterance being spoken, as the engine would.
STUB = """(voiceLangs) => {
  const spoken = [], calls = [];
  let current = null;
  const engine = {
    paused: false, speaking: false,
    getVoices: () => voiceLangs.map(lang => ({lang, name: lang, default: false})),
    speak(utterance) {
      spoken.push({text: utterance.text, lang: utterance.lang});
      current = utterance;
    },
    pause() { calls.push('pause'); this.paused = true; },
    resume() { calls.push('resume'); this.paused = false; },
    cancel() {
      calls.push('cancel');
      const u = current;
      current = null;
      if (u && u.onerror) u.onerror({});
    },
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: engine, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  const finish = () => { const u = current; current = null; u.onend({}); };
  window.readAloudStub = {spoken, calls, finish};
}"""


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def stub_speech(page, voice_langs):
    page.add_init_script(f"({STUB})({json.dumps(voice_langs)})")


def test_read_aloud_hands_the_main_content_to_the_speech_engine_sentence_by_sentence(
    live_server, page, demo
):
    stub_speech(page, ["en-US", "pl-PL"])
    page.goto(live_server.url + "/pomoc/zasilek-staly/")
    heading = page.locator("main h1").inner_text()

    page.get_by_role("button", name="Czytaj na głos").click()

    assert page.locator(".read-aloud__status").inner_text() == "Czytam treść strony."
    spoken = page.evaluate("readAloudStub.spoken")
    assert spoken == [{"text": heading, "lang": "pl-PL"}]
    assert page.evaluate("CSS.highlights.has('read-aloud')")

    page.evaluate("readAloudStub.finish()")
    page.evaluate("readAloudStub.finish()")
    spoken = page.evaluate("readAloudStub.spoken.map(s => s.text)")
    lead = page.locator("main p.lead").inner_text()
    assert spoken[1] == lead.split(". ")[0] + "." or spoken[1] == lead
    assert "Przejdź do treści" not in " ".join(spoken)


def test_pause_resume_and_stop(live_server, page, demo):
    stub_speech(page, ["pl-PL"])
    page.goto(live_server.url + "/informacje/")
    page.get_by_role("button", name="Czytaj na głos").click()

    page.get_by_role("button", name="Wstrzymaj").click()
    assert page.locator(".read-aloud__status").inner_text() == "Czytanie wstrzymane."
    page.get_by_role("button", name="Wznów").click()
    page.get_by_role("button", name="Zatrzymaj").click()

    assert page.evaluate("readAloudStub.calls").count("pause") == 1
    assert "resume" in page.evaluate("readAloudStub.calls")
    assert page.evaluate("readAloudStub.calls")[-1] == "cancel"
    assert page.locator(".read-aloud__status").inner_text() == "Czytanie zatrzymane."
    assert page.get_by_role("button", name="Czytaj na głos").evaluate(
        "b => b === document.activeElement"
    )
    assert not page.evaluate("CSS.highlights.has('read-aloud')")


def test_without_a_voice_for_the_page_language_the_button_says_so(live_server, page, demo):
    stub_speech(page, ["en-US", "de-DE"])
    page.goto(live_server.url + "/pomoc/zasilek-staly/")

    button = page.get_by_role("button", name="Czytanie na głos niedostępne")
    assert button.get_attribute("aria-disabled") == "true"
    # aria-disabled keeps it focusable, so a keyboard user still hears why.
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("readAloudStub.spoken") == []
    assert "nie ma głosu" in page.locator(".read-aloud__status").inner_text()


def test_the_button_is_keyboard_reachable_and_absent_without_javascript(
    live_server, chromium, page, demo
):
    stub_speech(page, ["pl-PL"])
    page.goto(live_server.url + "/informacje/")
    button = page.get_by_role("button", name="Czytaj na głos")
    for _ in range(60):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    assert button.evaluate("b => b === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("readAloudStub.spoken.length") == 1

    context = chromium.new_context(locale="pl-PL", java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(live_server.url + "/informacje/")
        assert plain.get_by_role("button", name="Czytaj na głos").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize(
    "path_of",
    [
        lambda: "/informacje/",
        lambda: "/pomoc/zasilek-staly/",
        lambda: Project.objects.published().order_by("pk").first().get_absolute_url(),
        lambda: CommunityArea.objects.published().order_by("pk").first().get_absolute_url(),
        lambda: NewsItem.objects.published().order_by("pk").first().get_absolute_url(),
    ],
    ids=["information", "form_of_help", "project", "area", "news"],
)
def test_content_pages_offer_read_aloud(live_server, page, demo, path_of):
    stub_speech(page, ["pl-PL"])
    page.goto(live_server.url + path_of())
    assert page.get_by_role("group", name="Czytanie strony na głos").count() == 1
    page.get_by_role("button", name="Czytaj na głos").click()
    assert page.evaluate("readAloudStub.spoken[0].text") == page.locator("main h1").inner_text()
