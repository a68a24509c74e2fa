import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { IssuedDocument, SigningIdentity } from '../../../shared/commands/documents.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { IdentityCard } from './IdentityCard.tsx';
import { VerifyPanel } from './VerifyPanel.tsx';
import './documents.css';

function download(filename: string, base64: string) {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Signed documents: the agency identity, verifying a file, and the register of issued documents. */
export function DocumentsPage({ can, agencyName }: { can: (p: string) => boolean; agencyName: string }) {
  const { t, formatDateTime } = useI18n();
  const [identity, setIdentity] = useState<SigningIdentity | null>(null);
  const [docs, setDocs] = useState<{ rows: IssuedDocument[]; total: number }>({ rows: [], total: 0 });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void call('signing.get', {}).then((r) => r.ok && setIdentity(r.value));
    void call('documents.list', { limit: 100 }).then((r) => r.ok && setDocs(r.value));
  }, [tick]);
  const get = async (id: string) => {
    const r = await call('documents.get', { id });
    if (r.ok) download(r.value.filename, r.value.base64);
  };
  return (
    <div className="page">
      <div className="page-header"><div><h1>{t('documents.title')}</h1></div></div>
      <div className="doc-grid">
        <VerifyPanel />
        <IdentityCard identity={identity} canManage={can('signing.manage')} agencyName={agencyName} onChanged={() => setTick((x) => x + 1)} />
      </div>
      <section className="card" aria-labelledby="doc-reg-h">
        <h2 id="doc-reg-h">{t('documents.register')} ({docs.total})</h2>
        {docs.rows.length === 0 ? <p className="muted">{t('documents.none')}</p> : (
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th scope="col">{t('documents.serial')}</th><th scope="col">{t('documents.kind')}</th><th scope="col">{t('documents.subject')}</th><th scope="col">{t('documents.issuedAt')}</th><th scope="col">{t('documents.issuedBy')}</th><th scope="col">{t('documents.sha256')}</th><th scope="col"><span className="visually-hidden">{t('documents.download')}</span></th></tr></thead>
              <tbody>
                {docs.rows.map((d) => (
                  <tr key={d.id}>
                    <td className="mono doc-serial">{d.serial}</td>
                    <td>{t(`documents.kind.${d.kind}` as MessageKey)}</td>
                    <td>{d.subjectLabel}</td>
                    <td>{formatDateTime(d.issuedAt)}</td>
                    <td>{d.issuedByName ?? '—'}</td>
                    <td className="hash" title={d.sha256}>{d.sha256.slice(0, 16)}…</td>
                    <td><button type="button" className="btn btn-sm btn-secondary" onClick={() => void get(d.id)}>{t('documents.download')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
