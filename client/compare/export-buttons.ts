import { Locale } from '../../shared/scenario/schema.ts';
import { locale, t, type MessageKey } from '../i18n/index.ts';
import { EXPORT_KINDS, fetchExport, type ExportKind } from '../net/compare-api.ts';
import { field, h, uid } from '../ui/element.ts';
import '../styles/compare.css';

const BUTTON_TEXT: Record<ExportKind, MessageKey> = {
  decisions: 'export.decisions',
  students: 'export.students',
  gradebook: 'export.gradebook',
  records: 'export.records',
};

/** Hand a downloaded file to the browser: a Blob URL keeps the secret out of every address. */
function save(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { attrs: { href: url, download: filename, hidden: true } });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The class's exports as buttons: each fetches its file with the instructor's secret and
 * saves it under the server's name, the decisions and students files worded in the
 * language chosen beside them (the page's by default). `secret` is read at click time (the
 * page may learn it late).
 */
export function exportButtons(sessionId: string, secret: () => string | null): HTMLElement {
  const status = h('p', { class: 'form-status export-status', attrs: { role: 'status' } });
  const language = h('select', { attrs: { id: uid('export-lang') } }, ...Locale.options.map((lang) => h('option', { text: t(`export.lang.${lang}`), attrs: { value: lang, selected: lang === locale() } })));
  const languageOf = (): Locale => {
    const chosen = Locale.safeParse(language.value);
    return chosen.success ? chosen.data : 'en';
  };
  const buttons = EXPORT_KINDS.map((kind) => {
    const button = h('button', { class: 'secondary', text: t(BUTTON_TEXT[kind]), attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      const key = secret();
      if (key === null) {
        status.textContent = t('desk.noSecret');
        return;
      }
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      status.textContent = t('export.working', { file: t(BUTTON_TEXT[kind]) });
      fetchExport(sessionId, key, kind, languageOf())
        .then(({ filename, blob }) => {
          save(filename, blob);
          status.textContent = t('export.done', { file: filename });
        })
        .catch((error: unknown) => {
          status.textContent = t('export.failed', { message: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          button.disabled = false;
          button.removeAttribute('aria-busy');
        });
    });
    return button;
  });
  return h(
    'div',
    { class: 'exports', attrs: { role: 'group', 'aria-label': t('export.heading') } },
    field(t('export.language'), language, t('export.languageHint')),
    h('div', { class: 'actions export-actions' }, ...buttons),
    status,
  );
}
