COPY curves FROM '${dir}/curves.csv' (FORMAT 'csv', force_not_null ('run_id', 'kind', 'idx'), quote '"', delimiter ',', header 1);
COPY params FROM '${dir}/params.csv' (FORMAT 'csv', force_not_null ('column_name', 'type', 'position', 'key'), quote '"', delimiter ',', header 1);
COPY runs FROM '${dir}/runs.csv' (FORMAT 'csv', force_not_null ('sweep', 'condition_id', 'seed', 'master_seed', 'node', 'status', 'wall_ms', 'steps', 'switches', 'resets', 'detections', 'false_alarms', 'missed_switches', 'diverged', 'diverged_at_step', 'run_id'), quote '"', delimiter ',', header 1);
COPY schema_version FROM '${dir}/schema_version.csv' (FORMAT 'csv', force_not_null ('version', 'migrated_at'), quote '"', delimiter ',', header 1);
COPY sweeps FROM '${dir}/sweeps.csv' (FORMAT 'csv', force_not_null ('name', 'config_sha256', 'config_text', 'version', 'created_at', 'swept_keys', 'planned_runs'), quote '"', delimiter ',', header 1);
COPY t_quantiles FROM '${dir}/t_quantiles.csv' (FORMAT 'csv', force_not_null ('q975', 'df'), quote '"', delimiter ',', header 1);
