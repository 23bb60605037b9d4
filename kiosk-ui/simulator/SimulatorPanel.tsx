import { useEffect, useReducer, useState } from 'preact/hooks';
import { renderSVG } from 'uqr';
import { DEVICE_KINDS, type DeviceKind } from '../../domain';
import type { KioskDevices, ReceiptTicket } from '../../device-adapters';
import type { MockControls, PrintedItem } from '../../device-adapters/mock';
import type { MockLicenceRegistry } from '../../stores/registry';
import type { MockApplicationDesk } from '../../stores/applications';
import { canMove, svgDataUrl, type ApplicationState } from '../../domain';
import { SIM } from './labels';

/** The tester's panel: every device with its status and controls, and the tray of printed paper. */
export function SimulatorPanel({
  controls,
  devices,
  registry,
  applications,
  open,
  onToggle,
}: {
  controls: MockControls;
  devices: KioskDevices;
  registry: MockLicenceRegistry | null;
  applications: (() => Promise<MockApplicationDesk>) | null;
  open: boolean;
  onToggle: () => void;
}) {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const offs = [
      controls.onChange(() => refresh(0)),
      ...DEVICE_KINDS.map((k) => devices[k].onStatus(() => refresh(0))),
    ];
    return () => offs.forEach((off) => off());
  }, [controls, devices]);

  if (!open) {
    return (
      <button type="button" class="sim-toggle" onClick={onToggle} aria-label={SIM.open}>
        SIM
      </button>
    );
  }
  return (
    <section class="sim" aria-label={SIM.title}>
      <header class="sim__header">
        <h2>{SIM.title}</h2>
        <button type="button" onClick={onToggle}>
          {SIM.close}
        </button>
      </header>
      {DEVICE_KINDS.map((kind) => (
        <DeviceCard key={kind} kind={kind} controls={controls} status={devices[kind].status} />
      ))}
      {registry && <RegistryControls registry={registry} />}
      {applications && <DeskControls load={applications} />}
      <Tray items={controls.printed()} onClear={() => controls.clearPrinted()} />
    </section>
  );
}

/** The simulated 电子证照库: stop it answering, or approve a reprint as window staff would. */
function RegistryControls({ registry }: { registry: MockLicenceRegistry }) {
  const [offline, setOffline] = useState(registry.offline);
  const [note, setNote] = useState('');
  return (
    <div class="sim__device" data-device="registry">
      <div class="sim__device-head">
        <strong>{SIM.registry}</strong>
        <label>
          <input
            type="checkbox"
            checked={offline}
            onChange={(e) => {
              registry.offline = (e.target as HTMLInputElement).checked;
              setOffline(registry.offline);
            }}
          />
          {SIM.registryOffline}
        </label>
      </div>
      {registry.issuances.map((issuance) => (
        <div class="sim__row" key={issuance.id}>
          <span>{issuance.enterprise}</span>
          {(['original', 'duplicate'] as const).map((copy) => (
            <button
              type="button"
              key={copy}
              onClick={() => {
                registry.authoriseReprint(issuance.id, copy);
                setNote(`${issuance.enterprise} ${copy === 'original' ? '正本' : '副本'} ✓`);
              }}
            >
              {SIM.reprint(copy === 'original' ? '正本' : '副本')}
            </button>
          ))}
        </div>
      ))}
      {note && <p role="status">{note}</p>}
    </div>
  );
}

/** The next states staff may move an application to, with what each asks for. */
const MOVES: readonly ApplicationState[] = ['reviewing', 'correction', 'completed', 'rejected'];

/** The simulated back office (审批系统): move each application on as staff would. */
function DeskControls({ load }: { load: () => Promise<MockApplicationDesk> }) {
  const [desk, setDesk] = useState<MockApplicationDesk | null>(null);
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const [note, setNote] = useState('');
  useEffect(() => {
    void load().then(setDesk, (error: unknown) => setNote(String(error)));
  }, [load]);
  if (!desk) return null;
  const move = (number: string, to: ApplicationState) => {
    try {
      desk.move(number, to, {
        ...(to === 'correction' ? { missing: [SIM.deskMissing] } : {}),
        ...(to === 'rejected' ? { reason: SIM.deskReason } : {}),
      });
      setNote(`${number} → ${SIM.deskStates[to]} ✓`);
    } catch (error) {
      setNote(String(error));
    }
    refresh(0);
  };
  return (
    <div class="sim__device" data-device="desk">
      <div class="sim__device-head">
        <strong>{SIM.desk}</strong>
        <label>
          <input
            type="checkbox"
            checked={desk.offline}
            onChange={(e) => {
              desk.offline = (e.target as HTMLInputElement).checked;
              refresh(0);
            }}
          />
          {SIM.registryOffline}
        </label>
        <button type="button" onClick={() => refresh(0)}>
          {SIM.deskRefresh}
        </button>
      </div>
      {desk.list().map((application) => (
        <div class="sim__row" key={application.number}>
          <span>
            {application.number} {application.itemName}（{SIM.deskStates[application.state]}）
          </span>
          {MOVES.filter((to) => canMove(application.state, to)).map((to) => (
            <button type="button" key={to} onClick={() => move(application.number, to)}>
              {SIM.deskStates[to]}
            </button>
          ))}
        </div>
      ))}
      {note && <p role="status">{note}</p>}
    </div>
  );
}

function DeviceCard({
  kind,
  controls,
  status,
}: {
  kind: DeviceKind;
  controls: MockControls;
  status: string;
}) {
  const [slow, setSlow] = useState('2000');
  return (
    <div class="sim__device" data-device={kind}>
      <div class="sim__device-head">
        <strong>{SIM.devices[kind]}</strong>
        <span class={`sim__status sim__status--${status}`} data-testid={`status-${kind}`}>
          {status}
        </span>
      </div>
      {kind === 'idCard' && <IdCardControls controls={controls} />}
      {kind === 'face' && (
        <div class="sim__row">
          {SIM.faceNext}
          {(['match', 'mismatch', 'no-face', 'liveness-failed'] as const).map((o) => (
            <button
              type="button"
              key={o}
              aria-pressed={controls.face.upcoming === o}
              onClick={() => controls.face.next(o)}
            >
              {o}
            </button>
          ))}
        </div>
      )}
      {kind === 'scanner' && <ScannerControls controls={controls} />}
      {kind === 'receipt' && (
        <div class="sim__row">
          <span>{controls.receipt.mediaAtExit ? SIM.paperAtExit : SIM.exitEmpty}</span>
          <button
            type="button"
            disabled={!controls.receipt.mediaAtExit}
            onClick={() => controls.receipt.takePaper()}
          >
            {SIM.takePaper}
          </button>
        </div>
      )}
      <div class="sim__row sim__faults">
        {controls.faultsTaken(kind).map((fault) => (
          <button
            type="button"
            key={fault}
            aria-pressed={controls.faults(kind).includes(fault)}
            onClick={() => controls.fault(kind, fault)}
          >
            {fault}
          </button>
        ))}
        <label>
          {SIM.slow}
          <input
            type="number"
            min="0"
            step="500"
            value={slow}
            onInput={(e) => setSlow((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" onClick={() => controls.fault(kind, { slow: Number(slow) || 0 })}>
          {SIM.applySlow}
        </button>
        <button type="button" onClick={() => controls.clear(kind)}>
          {SIM.clear}
        </button>
      </div>
    </div>
  );
}

function IdCardControls({ controls }: { controls: MockControls }) {
  const [person, setPerson] = useState(controls.persons[0]?.id ?? '');
  return (
    <div class="sim__row">
      <select
        aria-label={SIM.person}
        value={person}
        onChange={(e) => setPerson((e.target as HTMLSelectElement).value)}
      >
        {controls.persons.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => controls.idCard.insert(person)}>
        {SIM.insert}
      </button>
      <button
        type="button"
        disabled={!controls.idCard.cardPresent}
        onClick={() => controls.idCard.remove()}
      >
        {SIM.remove}
      </button>
      <span>
        {controls.idCard.cardPresent
          ? `${SIM.cardIn}: ${controls.idCard.card?.name ?? ''}`
          : SIM.noCard}
      </span>
    </div>
  );
}

function ScannerControls({ controls }: { controls: MockControls }) {
  const [text, setText] = useState('');
  return (
    <div class="sim__row">
      <input
        aria-label={SIM.codeText}
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <button type="button" onClick={() => controls.scanner.scan(text)}>
        {SIM.scan}
      </button>
      <span>{controls.scanner.running ? SIM.scannerOn : SIM.scannerOff}</span>
    </div>
  );
}

function Tray({ items, onClear }: { items: PrintedItem[]; onClear: () => void }) {
  return (
    <div class="sim__tray">
      <div class="sim__device-head">
        <strong>
          {SIM.tray} ({items.length})
        </strong>
        <button type="button" onClick={onClear} disabled={items.length === 0}>
          {SIM.clearTray}
        </button>
      </div>
      {[...items].reverse().map((item) => (
        <figure
          key={`${item.at}-${item.title}`}
          class={`sim__paper sim__paper--${item.device}`}
          data-testid="printed"
        >
          <figcaption>
            {item.title} · {new Date(item.at).toLocaleTimeString('zh-CN')}
          </figcaption>
          {item.ticket && <Receipt ticket={item.ticket} />}
          {item.document?.pages.map((page, i) => (
            <img key={i} src={svgDataUrl(page)} alt={`${item.title} ${i + 1}`} />
          ))}
        </figure>
      ))}
    </div>
  );
}

/** A receipt drawn as it would come out of an 80 mm printer. */
function Receipt({ ticket }: { ticket: ReceiptTicket }) {
  return (
    <div class="receipt">
      {ticket.blocks.map((block, i) => {
        switch (block.kind) {
          case 'text':
            return (
              <p
                key={i}
                class={`receipt__text receipt__text--${block.align ?? 'left'} ${block.bold ? 'receipt__bold' : ''} receipt__${block.size ?? 'normal'}`}
              >
                {block.text}
              </p>
            );
          case 'bigNumber':
            return (
              <p key={i} class="receipt__number">
                {block.text}
              </p>
            );
          case 'qr':
            return (
              <figure key={i} class="receipt__qr">
                <img src={svgDataUrl(renderSVG(block.data))} alt={block.caption ?? 'QR'} />
                {block.caption && <figcaption>{block.caption}</figcaption>}
              </figure>
            );
          case 'rule':
            return <hr key={i} class="receipt__rule" />;
          case 'feed':
            return <div key={i} style={{ height: `${block.lines}em` }} />;
        }
      })}
    </div>
  );
}
