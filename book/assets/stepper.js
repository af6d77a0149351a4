// The bytecode stepper: replays an eval-loop trace (`--trace-json`, JSON Lines)
// embedded in the page, with no library and no network, so it works from file://.
//
// A stepper is a <div class="stepper" id="stepper-NAME"> holding three
// <script> blocks that the book fills by {{#include}}:
//   <script type="application/json" class="stepper-trace">   the trace, one event a line
//   <script type="text/plain" class="stepper-source">        the program's .py
//   <script type="text/plain" class="stepper-dis">           its `dis` listing
// Step N is the instruction event whose "step" is N; the URL fragment
// #stepper-NAME-N opens the page at it. Previous/next buttons, the arrow keys
// (when the stepper has focus), Home/End and a slider move through the steps.
(function () {
  "use strict";

  function text(root, cls) {
    var node = root.querySelector("script." + cls);
    // The include starts on the line after the tag: drop that first newline.
    return node ? node.textContent.replace(/^\r?\n/, "") : "";
  }

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // The trace, replayed: one entry per instruction with every frame's state.
  function replay(jsonl) {
    var frames = [];
    var steps = [];
    var lines = jsonl.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].trim();
      if (!line) continue;
      var event = JSON.parse(line);
      if (event.format) continue;
      if (event.event === "push") {
        frames.push({ name: event.name, offset: null, line: null, opname: "",
                      arg: null, argrepr: "", stack: [], locals: {}, resumed: false });
      } else if (event.event === "pop") {
        frames.pop();
      } else if (event.event === "instruction" && frames.length) {
        var top = frames[frames.length - 1];
        frames[frames.length - 1] = {
          name: top.name,
          // A frame pushed is a call, which starts at offset 0, or (stage06 on) a
          // generator resumed, which goes on after the instruction it left at.
          resumed: top.offset === null ? event.offset > 0 : top.resumed,
          offset: event.offset, line: event.line, opname: event.opname,
          arg: event.arg, argrepr: event.argrepr, stack: event.stack || [],
          locals: event.locals || {}
        };
        steps.push({ step: event.step, frames: frames.slice() });
      } else if (event.event === "end" && event.truncated) {
        steps.truncated = event.note || "the trace was cut";
      }
    }
    return steps;
  }

  // The dis listing split by code object: "<module>" first, then each
  // "Disassembly of <code object NAME ...>". For each, offset -> line index.
  function parseDis(dis) {
    var lines = dis.replace(/\n$/, "").split("\n");
    var sections = {};
    var current = "<module>";
    sections[current] = {};
    var offsetRe = /^\s*(?:\d+\s+)?(?:-->\s+)?(?:>>\s+)?(\d+) ([A-Z][A-Z_0-9]+)/;
    var headRe = /^Disassembly of <code object (\S+) at/;
    for (var i = 0; i < lines.length; i++) {
      var head = headRe.exec(lines[i]);
      if (head) {
        current = head[1];
        if (!sections[current]) sections[current] = {};
        continue;
      }
      var m = offsetRe.exec(lines[i]);
      if (m && sections[current][m[1]] === undefined) sections[current][m[1]] = i;
    }
    return { lines: lines, sections: sections };
  }

  function listing(lines, cls) {
    var pane = el("div", "stepper-listing " + cls);
    var nodes = [];
    for (var i = 0; i < lines.length; i++) {
      var row = el("div", "stepper-line", lines[i] === "" ? "\u00a0" : lines[i]);
      pane.appendChild(row);
      nodes.push(row);
    }
    return { pane: pane, nodes: nodes };
  }

  // Scrolls a listing pane (not the page) so that `row` is visible.
  function reveal(pane, row) {
    if (!row) return;
    var top = row.offsetTop; // the pane is positioned: offsets are from its top
    if (top < pane.scrollTop || top + row.offsetHeight > pane.scrollTop + pane.clientHeight) {
      pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
    }
  }

  function instructionText(frame) {
    if (frame.offset === null) return "(not started)";
    var arg = frame.arg === null || frame.arg === undefined ? "" : " " + frame.arg;
    var meaning = frame.argrepr ? " (" + frame.argrepr + ")" : "";
    return frame.offset + " " + frame.opname + arg + meaning;
  }

  function renderFrame(frame, running) {
    var box = el("div", "stepper-frame" + (running ? " running" : ""));
    var bar = el("div", "stepper-frame-name", frame.name);
    bar.appendChild(el("span", "stepper-frame-state", running ? "running" : "waiting"));
    box.appendChild(bar);
    box.appendChild(el("div", "stepper-current", instructionText(frame)));
    box.appendChild(el("div", "stepper-label", "value stack (grows up) \u2191"));
    var stack = el("ol", "stepper-stack");
    // Bottom first in the document; the style sheet shows the top up.
    for (var i = 0; i < frame.stack.length; i++) {
      var item = frame.stack[i];
      if (item === null) stack.appendChild(el("li", "stepper-slot stepper-null", "NULL"));
      else stack.appendChild(el("li", "stepper-slot", item));
    }
    if (!frame.stack.length) stack.appendChild(el("li", "stepper-empty", "(empty)"));
    box.appendChild(stack);
    box.appendChild(el("div", "stepper-label", "fast locals"));
    var locals = el("ul", "stepper-locals");
    var names = Object.keys(frame.locals);
    for (var j = 0; j < names.length; j++) {
      var value = frame.locals[names[j]];
      locals.appendChild(el("li", "stepper-local" + (value === null ? " stepper-unbound" : ""),
        names[j] + " = " + (value === null ? "<unbound>" : value)));
    }
    if (!names.length) {
      locals.appendChild(el("li", "stepper-empty",
        frame.name === "<module>" ? "(none: module code uses names)" : "(none)"));
    }
    box.appendChild(locals);
    return box;
  }

  function Stepper(root) {
    var name = root.id.replace(/^stepper-/, "");
    var steps = replay(text(root, "stepper-trace"));
    if (!steps.length) return;
    var source = text(root, "stepper-source").replace(/\n$/, "").split("\n");
    var dis = parseDis(text(root, "stepper-dis"));

    var fallback = root.querySelector(".stepper-fallback");
    if (fallback) fallback.parentNode.removeChild(fallback);
    root.setAttribute("tabindex", "0");

    var controls = el("div", "stepper-controls");
    var prev = el("button", "stepper-prev", "\u25c0 prev");
    var next = el("button", "stepper-next", "next \u25b6");
    prev.type = next.type = "button";
    var slider = el("input", "stepper-slider");
    slider.type = "range";
    slider.min = "0";
    slider.max = String(steps.length - 1);
    slider.setAttribute("aria-label", "step");
    var status = el("span", "stepper-status");
    status.setAttribute("aria-live", "polite");
    controls.appendChild(prev);
    controls.appendChild(next);
    controls.appendChild(slider);
    controls.appendChild(status);

    var panes = el("div", "stepper-panes");
    var src = listing(source, "stepper-source-pane");
    var disPane = listing(dis.lines, "stepper-dis-pane");
    var srcBox = el("div", "stepper-pane");
    srcBox.appendChild(el("div", "stepper-label", "source"));
    srcBox.appendChild(src.pane);
    var disBox = el("div", "stepper-pane");
    disBox.appendChild(el("div", "stepper-label", "dis"));
    disBox.appendChild(disPane.pane);
    panes.appendChild(srcBox);
    panes.appendChild(disBox);

    var framesBox = el("div", "stepper-frames");
    root.appendChild(controls);
    root.appendChild(panes);
    root.appendChild(framesBox);
    if (steps.truncated) root.appendChild(el("div", "stepper-note", steps.truncated));

    var index = 0;
    var marked = [];

    function show(i, updateUrl) {
      index = Math.max(0, Math.min(steps.length - 1, i));
      var step = steps[index];
      var running = step.frames[step.frames.length - 1];
      root.setAttribute("data-step", String(step.step));
      slider.value = String(index);
      status.textContent = "step " + step.step + " of " + steps[steps.length - 1].step +
        " \u00b7 " + running.name + " \u00b7 " + instructionText(running);
      prev.disabled = index === 0;
      next.disabled = index === steps.length - 1;

      for (var m = 0; m < marked.length; m++) marked[m].classList.remove("current", "caller");
      marked = [];
      for (var f = 0; f < step.frames.length; f++) {
        var frame = step.frames[f];
        var cls = f === step.frames.length - 1 ? "current" : "caller";
        if (frame.line) {
          var row = src.nodes[frame.line - 1];
          if (row) { row.classList.add(cls); marked.push(row); }
        }
        var section = dis.sections[frame.name];
        var at = section && frame.offset !== null ? section[String(frame.offset)] : undefined;
        if (at !== undefined) { disPane.nodes[at].classList.add(cls); marked.push(disPane.nodes[at]); }
      }
      reveal(src.pane, src.nodes[(running.line || 1) - 1]);
      var runningSection = dis.sections[running.name];
      if (runningSection) reveal(disPane.pane, disPane.nodes[runningSection[String(running.offset)]]);

      framesBox.textContent = "";
      for (var k = 0; k < step.frames.length; k++) {
        if (k > 0) {
          framesBox.appendChild(el("div", "stepper-calls",
            step.frames[k].resumed ? "resumes \u2192" : "calls \u2192"));
        }
        framesBox.appendChild(renderFrame(step.frames[k], k === step.frames.length - 1));
      }
      if (updateUrl && window.history && history.replaceState) {
        try { history.replaceState(null, "", "#stepper-" + name + "-" + step.step); } catch (e) { /* file:// may refuse */ }
      }
    }

    function byStep(n) {
      for (var i = 0; i < steps.length; i++) if (steps[i].step === n) return i;
      return -1;
    }

    prev.addEventListener("click", function () { show(index - 1, true); });
    next.addEventListener("click", function () { show(index + 1, true); });
    slider.addEventListener("input", function () { show(Number(slider.value), true); });
    root.addEventListener("keydown", function (e) {
      var moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -1, ArrowDown: 1 };
      var to = null;
      if (e.key in moves) to = index + moves[e.key];
      else if (e.key === "Home") to = 0;
      else if (e.key === "End") to = steps.length - 1;
      if (to === null || e.target === slider) return;
      e.preventDefault();
      e.stopPropagation(); // mdBook turns the page on arrow keys
      show(to, true);
    });

    function fromHash() {
      var m = /^#stepper-(.+)-(\d+)$/.exec(window.location.hash);
      if (!m || m[1] !== name) return false;
      var at = byStep(Number(m[2]));
      if (at < 0) return false;
      show(at, false);
      // Below mdBook's menu bar, which stays at the top of the window.
      window.scrollTo(0, Math.max(0, root.getBoundingClientRect().top + window.pageYOffset - 60));
      return true;
    }
    if (!fromHash()) show(0, false);
    window.addEventListener("hashchange", fromHash);
  }

  function start() {
    var roots = document.querySelectorAll("div.stepper[id^='stepper-']");
    for (var i = 0; i < roots.length; i++) {
      try { Stepper(roots[i]); } catch (e) {
        roots[i].appendChild(el("div", "stepper-note", "stepper: " + e));
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
