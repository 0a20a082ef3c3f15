export interface UseCaseFactsData {
  team: { name: string };
  description: string;
  owner: string;
  modelRepoUrl: string;
  dashboardUrl: string;
  tags: readonly string[];
}

/** A use case's details as a definition list; empty ones say so. */
export function UseCaseFacts({ useCase }: { useCase: UseCaseFactsData }) {
  const link = (url: string) =>
    url ? (
      <a href={url} className="break-all text-brand-700 hover:underline" rel="noreferrer" target="_blank">
        {url}
      </a>
    ) : (
      <span className="text-slate-500">None</span>
    );
  return (
    <dl className="space-y-3 text-sm">
      <div>
        <dt className="text-xs font-medium text-slate-500">Team</dt>
        <dd className="text-slate-900">{useCase.team.name}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Description</dt>
        <dd className="whitespace-pre-line text-slate-900">{useCase.description || <span className="text-slate-500">None</span>}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Owner</dt>
        <dd className="text-slate-900">{useCase.owner || <span className="text-slate-500">None</span>}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Model repository</dt>
        <dd>{link(useCase.modelRepoUrl)}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Dashboard</dt>
        <dd>{link(useCase.dashboardUrl)}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Tags</dt>
        <dd>
          {useCase.tags.length > 0 ? <TagList tags={useCase.tags} /> : <span className="text-slate-500">None</span>}
        </dd>
      </div>
    </dl>
  );
}

export function TagList({ tags }: { tags: readonly string[] }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
          #{tag}
        </li>
      ))}
    </ul>
  );
}
