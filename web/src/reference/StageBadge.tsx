import { Badge } from '@mantine/core';
import { useStageIndex } from './usePipelines';

export function StageBadge({ stageId }: { stageId: string }) {
  const stage = useStageIndex().get(stageId);
  if (!stage) return null;
  return (
    <Badge variant="dot" color="gray" styles={{ root: { '--badge-dot-color': stage.color } as React.CSSProperties }}>
      {stage.name}
    </Badge>
  );
}
