// Loads the next page when it scrolls into view (with a button for keyboards and slow screens).
import { useEffect, useRef } from 'react';
import { Button, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

export function LoadMore({ hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !hasMore) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onLoadMore();
      },
      { rootMargin: '200px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, onLoadMore]);
  if (!hasMore) return null;
  return (
    <Center ref={ref} py="xs">
      {loading ? (
        <Loader size="xs" />
      ) : (
        <Button variant="subtle" size="xs" onClick={onLoadMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </Center>
  );
}
