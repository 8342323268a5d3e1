import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'medium' | 'large';
}

/**
 * A native <dialog> opened modally, which traps focus. Escape is handled here rather than left to
 * the browser: Chromium skips the `cancel` event (and so our onClose) for a dialog opened from a
 * shortcut without a click, closing the element behind React's back. Focus goes to the element
 * marked `data-autofocus` (React's autoFocus fires before showModal, so it would be lost), and back
 * to where it was when the dialog closes.
 */
export const Dialog = ({ title, onClose, children, footer, size = 'medium' }: DialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const titleId = useId();
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    let isUnmounting = false;
    // Whatever else closes the element (the browser, a form method="dialog") closes it for React too.
    const onNativeClose = () => {
      if (!isUnmounting) onCloseRef.current();
    };
    dialog.addEventListener('close', onNativeClose);
    return () => {
      isUnmounting = true;
      dialog.removeEventListener('close', onNativeClose);
      dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // The innermost dialog closes; one that handled Escape itself (a picker) has prevented it.
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} title={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </dialog>
  );
};
