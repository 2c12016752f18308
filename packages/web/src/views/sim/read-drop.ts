/** A file the person gave: its path (for messages) and how to read it. */
export interface GivenFile {
  readonly path: string;
  readonly text: () => Promise<string>;
}

/** Whether a file given (alone or in a folder) is a report to read: `report.json`, or any JSON given alone. */
export function isReportFile(path: string, alone: boolean): boolean {
  return /(^|\/)report\.json$/.test(path) || (alone && path.endsWith('.json'));
}

/** Files from an `<input type=file>` (a folder picker gives their relative paths). */
export function filesOfInput(list: FileList): GivenFile[] {
  return [...list].map((f) => ({ path: f.webkitRelativePath || f.name, text: () => f.text() }));
}

/** Files and folders dropped on the page, folders read recursively. */
export async function filesOfDrop(items: DataTransferItemList): Promise<GivenFile[]> {
  const entries = [...items]
    .map((i) => i.webkitGetAsEntry())
    .filter((e): e is FileSystemEntry => e !== null);
  const out: GivenFile[] = [];
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    const path = `${prefix}${entry.name}`;
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) =>
        (entry as FileSystemFileEntry).file(ok, fail),
      );
      out.push({ path, text: () => file.text() });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) =>
          reader.readEntries(ok, fail),
        );
        if (batch.length === 0) break;
        for (const child of batch) await visit(child, `${path}/`);
      }
    }
  };
  for (const e of entries) await visit(e, '');
  return out;
}
