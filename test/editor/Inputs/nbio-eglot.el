;;; nbio-eglot.el --- drive nbio-clangd from Emacs' Eglot, headless  -*- lexical-binding: t -*-
;; SPDX-FileCopyrightText: 2026 The nbio contributors
;; SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
;;
;; emacs --batch -l nbio-eglot.el, with the environment:
;;   NBIO_CLANGD  the server (as in docs/editors.md's eglot-server-programs)
;;   NBIO_FILE    the C file to open
;;   NBIO_FIX_AT  LINE:COLUMN of the finding whose quick fix to apply
;; Prints the diagnostics Eglot shows (through Flymake; clangd sends the
;; notes as diagnostics of their own), then whether
;; `M-x eglot-code-action-quickfix' and `M-x eglot-code-actions' (the
;; default action, as RET picks it) change the buffer at NBIO_FIX_AT; saves
;; it.

(require 'eglot)
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((c-mode c++-mode c-ts-mode c++-ts-mode)
                 . (,(getenv "NBIO_CLANGD")))))

(find-file (getenv "NBIO_FILE"))
(apply #'eglot (eglot--guess-contact))
;; Flymake starts on post-command and idle timers, which batch mode has not.
(let ((deadline (+ (float-time) 60)))
  (while (and (< (float-time) deadline)
              (progn (flymake-start) (null (flymake-diagnostics))))
    (accept-process-output nil 0.2)))
(dolist (d (sort (flymake-diagnostics)
                 (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
  (save-excursion
    (goto-char (flymake-diagnostic-beg d))
    (princ (format "diag %d:%d %s\n" (line-number-at-pos) (1+ (current-column))
                   (flymake-diagnostic-text d)))))

(let ((at (mapcar #'string-to-number (split-string (getenv "NBIO_FIX_AT") ":"))))
  (goto-char (point-min))
  (forward-line (1- (nth 0 at)))
  (forward-char (1- (nth 1 at))))
(defmacro nbio-report (name &rest body)
  "Run BODY; print NAME and whether the buffer changed."
  `(let ((before (buffer-string)))
     ,@body
     (princ (format "%s: %s\n" ,name
                    (if (equal before (buffer-string)) "no change" "changed")))))
(nbio-report "eglot-code-action-quickfix"
  (call-interactively #'eglot-code-action-quickfix))
;; A key, not a mouse menu, invoked it; RET takes the default action.
(nbio-report "eglot-code-actions"
  (let ((last-nonmenu-event ?\r)
        (completing-read-function
         (lambda (_prompt coll &optional _pred _req _init _hist def &rest _)
           (or def (caar coll)))))
    (call-interactively #'eglot-code-actions)))
(save-buffer)
(princ "saved\n")
(kill-emacs 0)
