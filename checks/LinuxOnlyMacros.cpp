//===--- LinuxOnlyMacros.cpp - Socket macros only Linux defines -----------===//
//
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "LinuxOnlyMacros.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::nbio {

// Each of these is in glibc's and musl's Linux headers and in no other
// platform's C library: SOL_IP/SOL_TCP/SOL_UDP (elsewhere the level is the
// protocol number, IPPROTO_IP...), MSG_MORE and TCP_CORK (the BSDs and
// macOS cork with TCP_NOPUSH), MSG_ZEROCOPY and SO_ZEROCOPY (Linux 4.14).
// Not SOCK_NONBLOCK, MSG_NOSIGNAL or SIOCGIFINDEX: the BSDs or Solaris
// have those too.
static const llvm::StringRef Names[] = {
    "SOL_IP",   "SOL_TCP",      "SOL_UDP",    "MSG_MORE",
    "TCP_CORK", "MSG_ZEROCOPY", "SO_ZEROCOPY"};

llvm::ArrayRef<llvm::StringRef> LinuxOnlyMacros::names() { return Names; }

bool LinuxOnlyMacros::listed(llvm::StringRef Name) {
  return llvm::is_contained(Names, Name);
}

namespace {
/// Notes each file the preprocessor enters that is neither the main file
/// nor a system header: the project's headers, and the predefines buffer
/// (which holds the command line's `-D`s).
class RecordProjectHeaders : public PPCallbacks {
public:
  RecordProjectHeaders(const SourceManager &SM,
                       std::shared_ptr<std::vector<FileID>> Out)
      : SM(SM), Out(std::move(Out)) {}
  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind Kind, FileID) override {
    if (Reason != EnterFile || Kind != SrcMgr::C_User)
      return;
    FileID FID = SM.getFileID(Loc);
    if (FID.isValid() && FID != SM.getMainFileID())
      Out->push_back(FID);
  }

private:
  const SourceManager &SM;
  std::shared_ptr<std::vector<FileID>> Out;
};
} // namespace

void LinuxOnlyMacros::registerPreprocessor(Preprocessor *P) {
  PP = P;
  ProjectHeaders = std::make_shared<std::vector<FileID>>();
  Answers.assign(std::size(Names), -1);
  PP->addPPCallbacks(std::make_unique<RecordProjectHeaders>(
      PP->getSourceManager(), ProjectHeaders));
}

/// Whether a preprocessor directive of \p Buf (the text of \p FID) names
/// \p Name: any of them, `#define`, `#undef` and every conditional alike,
/// read from raw tokens so that skipped branches count.
static bool directiveNames(const SourceManager &SM, FileID FID,
                           llvm::StringRef Buf, const LangOptions &LO,
                           llvm::StringRef Name) {
  if (!Buf.contains(Name))
    return false;
  Lexer L(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin(),
          Buf.end());
  Token T;
  bool InDirective = false;
  while (!L.LexFromRawLexer(T)) {
    if (T.isAtStartOfLine())
      InDirective = T.is(tok::hash);
    if (InDirective && T.is(tok::raw_identifier) &&
        T.getRawIdentifier() == Name)
      return true;
  }
  return false;
}

bool LinuxOnlyMacros::fromPlatformAlone(llvm::StringRef Name) {
  const auto *It = llvm::find(Names, Name);
  if (!PP || It == std::end(Names))
    return false;
  signed char &Answer = Answers[It - std::begin(Names)];
  if (Answer >= 0)
    return Answer;
  Answer = 0;
  const PreprocessorOptions &Opts = PP->getPreprocessorOpts();
  if (!Opts.ImplicitPCHInclude.empty() ||
      Opts.PrecompiledPreambleBytes.first != 0)
    return false;
  const SourceManager &SM = PP->getSourceManager();
  const MacroInfo *MI = PP->getMacroInfo(PP->getIdentifierInfo(Name));
  if (!MI || !SM.isInSystemHeader(MI->getDefinitionLoc()))
    return false;
  for (FileID FID : *ProjectHeaders) {
    bool Invalid = false;
    llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
    if (Invalid || directiveNames(SM, FID, Buf, PP->getLangOpts(), Name))
      return false;
  }
  Answer = 1;
  return true;
}

} // namespace clang::tidy::nbio
