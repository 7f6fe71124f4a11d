// Chinese texts inside Camunda Forms in Tasklist. form-js (the renderer of Camunda Forms) has its validation
// messages and a few placeholders built in, in English only; this script replaces them where Tasklist itself shows
// Chinese, i.e. for every browser language except the other two offered (en, de), as Tasklist's own choice does.
// Loaded by config.js (customScripts); it only changes texts, never values or behaviour.

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少需要 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多 ${m[1]} 个字符。`],
  [/^Field must match pattern [\s\S]*$/, () => '格式不正确，请按说明填写。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number[\s\S]*$/, () => '请输入有效的电话号码。'],
  [/^No results$/, () => '没有匹配的选项'],
  [/^All values selected$/, () => '已全部选择'],
  [/^Nothing to show\.$/, () => '暂无内容。'],
  [/^Select$/, () => '请选择'],
];

const PLACEHOLDERS = { Search: '搜索', Select: '请选择' };

// Where form-js renders those texts (never where it renders values): field errors, the empty select, the empty
// drop-down list, an empty table.
const TEXT_SELECTOR = [
  '.fjs-form-field-error li',
  '.fjs-select-display.fjs-select-placeholder',
  '.fjs-dropdownlist-empty',
  '.fjs-table-empty',
].join(',');

function language() {
  const navigator = window.navigator;
  const first = (Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '';
  return first.split('-')[0].toLowerCase();
}

// Changes the text node itself, never the element's children: form-js (Preact) keeps a reference to its text node
// and leaves it alone as long as its own text does not change.
function translateText(element) {
  element.childNodes.forEach((node) => {
    if (node.nodeType !== Node.TEXT_NODE) {
      return;
    }
    const text = node.nodeValue.trim();
    for (const [pattern, replacement] of MESSAGES) {
      const match = pattern.exec(text);
      if (match) {
        node.nodeValue = replacement(match);
        return;
      }
    }
  });
}

function translate(root) {
  root.querySelectorAll(TEXT_SELECTOR).forEach(translateText);
  root.querySelectorAll('.fjs-container input[placeholder]').forEach((input) => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

if (!['en', 'de'].includes(language())) {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(() => {
        scheduled = false;
        translate(document);
      });
    }
  });
  const start = () => observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}
