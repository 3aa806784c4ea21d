<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="48"/>
        <source>Load sample city</source>
        <translation>加载示例市</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="50"/>
        <source>Missing Python packages: {missing}. Install them with `make deploy` from the plugin&apos;s source, or pip install shapely&gt;=2 geopandas into QGIS&apos;s Python.</source>
        <translation>缺少 Python 包：{missing}。请在插件源码目录下运行 `make deploy` 安装，或在 QGIS 的 Python 环境中执行 pip install shapely&gt;=2 geopandas。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="99"/>
        <source>Missing Python packages: {missing}.</source>
        <translation>缺少 Python 包：{missing}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="131"/>
        <source>Sample city (示例市)</source>
        <translation>示例市</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="140"/>
        <source>Ecological red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="140"/>
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="140"/>
        <source>Urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="82"/>
        <source>Environmental control units</source>
        <translation>环境管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="151"/>
        <source>Sample data not found in {folder}.</source>
        <translation>在 {folder} 中未找到示例数据。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/provider.py" line="14"/>
        <source>JWJT pollution–carbon synergy</source>
        <translation>JWJT 减污降碳协同</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/provider.py" line="17"/>
        <source>JWJT — pollution and carbon synergy control (减污降碳协同管控)</source>
        <translation>JWJT — 减污降碳协同管控</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="55"/>
        <source>Flag synergy units (CO2 top cells × NOx/VOCs hotspots)</source>
        <translation>标记协同管控单元（CO2 排放量前 k% 网格 × NOx/VOCs 热点）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="58"/>
        <source>Synergy analysis</source>
        <translation>协同性分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="84"/>
        <source>Unit code field (auto-detect when empty)</source>
        <translation>单元编码字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="84"/>
        <source>Unit name field (auto-detect when empty)</source>
        <translation>单元名称字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="84"/>
        <source>Unit class field (auto-detect when empty)</source>
        <translation>管控单元分类字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="90"/>
        <source>{species} emission grid</source>
        <translation>{species} 排放清单网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="92"/>
        <source>Units of the grid values</source>
        <translation>网格值的单位</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="94"/>
        <source>Top k % of cells by CO2</source>
        <translation>CO2 排放量前 k% 的网格（k 值，%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="97"/>
        <source>Pollutant hotspot method</source>
        <translation>污染物热点识别方法</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="97"/>
        <source>Top k % cells (same k)</source>
        <translation>排放量前 k% 的网格（与 CO2 相同的 k）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="97"/>
        <source>Getis–Ord Gi*</source>
        <translation>Getis–Ord Gi* 热点分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="100"/>
        <source>Coincidence rule</source>
        <translation>协同网格判定规则</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="100"/>
        <source>NOx or VOCs hotspot</source>
        <translation>NOx 或 VOCs 热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="100"/>
        <source>NOx and VOCs hotspot</source>
        <translation>NOx 与 VOCs 均为热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="100"/>
        <source>NOx hotspot</source>
        <translation>NOx 热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="100"/>
        <source>VOCs hotspot</source>
        <translation>VOCs 热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="105"/>
        <source>Cells under the units</source>
        <translation>管控单元范围内的网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="105"/>
        <source>All cells of the grid</source>
        <translation>排放清单网格的全部网格单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="108"/>
        <source>All cells</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="108"/>
        <source>Non-zero cells</source>
        <translation>非零网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="110"/>
        <source>Gi* neighbourhood radius (cells)</source>
        <translation>Gi* 邻域半径（网格数）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="112"/>
        <source>Gi* hotspot confidence</source>
        <translation>Gi* 热点置信度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="114"/>
        <source>Gi*: correct for false discovery rate</source>
        <translation>Gi*：进行错误发现率（FDR）校正</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="115"/>
        <source>Flag when coincidence cells cover at least (% of unit area)</source>
        <translation>协同网格覆盖面积不低于（占单元面积的 %）时标记</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="117"/>
        <source>… or hold at least (% of the unit's CO2)</source>
        <translation>… 或所含 CO2 不低于（占单元 CO2 的 %）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="123"/>
        <source>Flagged units</source>
        <translation>已标记的管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="125"/>
        <source>Concentration table</source>
        <translation>排放集中度表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="125"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="127"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="128"/>
        <source>Number of flagged units</source>
        <translation>已标记的管控单元数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="156"/>
        <source>Reading {species} grid &apos;{name}&apos;</source>
        <translation>正在读取 {species} 排放清单网格“{name}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="163"/>
        <source>Fields: code = {code}, name = {name}, class = {cls}</source>
        <translation>字段：单元编码 = {code}，单元名称 = {name}，管控单元分类 = {cls}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="169"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="67"/>
        <source>Overlays emission grids with environmental control units (exact area weights at unit boundaries; the grids are never resampled, the units are brought to the grid CRS). Ranks cells by CO2 and takes the top k % by count; finds NOx / VOCs hotspots (the same top-k % rule, or Getis–Ord Gi*); coincidence cells are CO2 top cells that are also pollutant hotspots under the chosen rule. Each unit gets per-species totals (t/yr) and densities (t/km²), the count and area share of coincidence cells, the share of its CO2 and NOx held in them, a flag and a synergy class: A synergy hotspot, B carbon hotspot only, C pollutant hotspot only, D no hotspot. A unit is flagged when coincidence cells cover at least the given share of its area or hold at least the given share of its CO2. The concentration table states how much of each species the top-k % CO2 cells hold.</source>
        <translation>将排放清单网格与环境管控单元叠加（单元边界处按精确面积权重分配；排放清单网格不做重采样，而是将管控单元转换到网格的坐标参考系）。按 CO2 排放量对网格排序，取数量上前 k% 的网格；识别 NOx / VOCs 热点（同样取前 k% 网格，或采用 Getis–Ord Gi* 热点分析）；协同网格指同时满足所选判定规则的污染物热点的 CO2 前 k% 网格。每个管控单元输出各排放物种的排放总量（t/yr）与排放强度（t/km²）、协同网格的个数及面积占比、单元 CO2 与 NOx 排放中位于协同网格内的比例、标记及协同分类：A 协同热点，B 仅碳排放热点，C 仅污染物热点，D 非热点。当协同网格覆盖单元面积达到给定比例，或容纳单元 CO2 排放达到给定比例时，该单元被标记。排放集中度表给出 CO2 前 k% 网格容纳的各排放物种占比。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="105"/>
        <source>Cells to rank</source>
        <translation>参与排序的网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="108"/>
        <source>Count the top k % among</source>
        <translation>前 k% 的计算基数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="24"/>
        <source>Species</source>
        <translation>排放物种</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="24"/>
        <source>Total (t/yr)</source>
        <translation>总量（t/yr）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="24"/>
        <source>In top k % CO2 cells</source>
        <translation>CO2 前 k% 网格内占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="24"/>
        <source>In coincidence cells</source>
        <translation>协同网格内占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="36"/>
        <source>Emission concentration curve</source>
        <translation>排放集中度曲线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="36"/>
        <source>Cells ranked by CO2 (%)</source>
        <translation>按 CO2 排序的网格比例（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="36"/>
        <source>Cumulative share (%)</source>
        <translation>累计排放占比（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/field_mapping.py" line="37"/>
        <source>Unit code</source>
        <translation>单元编码</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/field_mapping.py" line="37"/>
        <source>Unit name</source>
        <translation>单元名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/field_mapping.py" line="37"/>
        <source>Unit class</source>
        <translation>管控单元分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="26"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="26"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="26"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="28"/>
        <source>{species} (t/yr)</source>
        <translation>{species}（t/yr）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="29"/>
        <source>Coincidence share</source>
        <translation>协同网格面积占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="30"/>
        <source>CO2 in coincidence cells</source>
        <translation>协同网格内 CO2 占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="31"/>
        <source>Synergy class</source>
        <translation>协同分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="32"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="37"/>
        <source>Synergy analysis (减污降碳协同分析)</source>
        <translation>减污降碳协同分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="63"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="68"/>
        <source>Control units</source>
        <translation>环境管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="69"/>
        <source>Selected units only</source>
        <translation>仅分析选中的单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="76"/>
        <source>{species} grid</source>
        <translation>{species} 排放清单网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="80"/>
        <source>Grid values in</source>
        <translation>网格值的单位</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="83"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="102"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="103"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="133"/>
        <source>Save as GeoPackage…</source>
        <translation>另存为 GeoPackage…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="138"/>
        <source>Units</source>
        <translation>管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="140"/>
        <source>Concentration</source>
        <translation>排放集中度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="143"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="200"/>
        <source>An analysis is running.</source>
        <translation>分析正在运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="203"/>
        <source>Choose the layer of control units.</source>
        <translation>请选择环境管控单元图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="205"/>
        <source>Layer &apos;{name}&apos; has no CRS. Set it in Layer Properties &gt; Source.</source>
        <translation>图层“{name}”没有坐标参考系，请在 图层属性 &gt; 源 中设置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="207"/>
        <source>No unit is selected in layer &apos;{name}&apos;.</source>
        <translation>图层“{name}”中没有选中的单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="219"/>
        <source>Grid &apos;{name}&apos; has no CRS. Set it in Layer Properties &gt; Source.</source>
        <translation>排放清单网格“{name}”没有坐标参考系，请在 图层属性 &gt; 源 中设置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="221"/>
        <source>Choose the field of fishnet &apos;{name}&apos; that holds {species}.</source>
        <translation>请选择渔网图层“{name}”中存放 {species} 的字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="229"/>
        <source>Grids &apos;{a}&apos; and &apos;{b}&apos; are not aligned (extent, size or CRS differ).</source>
        <translation>排放清单网格“{a}”与“{b}”未对齐（范围、行列数或坐标参考系不同）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="239"/>
        <source>Inputs changed since the last run: press Run to update the results.</source>
        <translation>输入自上次运行后已改变，请点击“运行”更新结果。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="241"/>
        <source>Ready to run.</source>
        <translation>可以运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="277"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="289"/>
        <source>The analysis stopped: {error}</source>
        <translation>分析已中止：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="325"/>
        <source>Synergy flags — {layer}</source>
        <translation>协同标记 — {layer}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="345"/>
        <source>{n} of {total} units flagged. Top {k:g} % cells hold {shares}.</source>
        <translation>{total} 个单元中 {n} 个被标记。前 {k:g}% 网格占比：{shares}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="347"/>
        <source>Done: {n} units flagged.</source>
        <translation>完成：标记了 {n} 个单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="394"/>
        <source>Save synergy results</source>
        <translation>保存协同分析结果</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="394"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="401"/>
        <source>&apos;{path}&apos; is the source of layer &apos;{name}&apos;; choose another file.</source>
        <translation>“{path}”是图层“{name}”的数据源，请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="412"/>
        <source>Could not save &apos;{path}&apos;: {error}</source>
        <translation>无法保存“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="414"/>
        <source>Saved to {path}</source>
        <translation>已保存至 {path}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_task.py" line="47"/>
        <source>JWJT synergy analysis</source>
        <translation>JWJT 减污降碳协同分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="45"/>
        <source>Synergy analysis panel</source>
        <translation>减污降碳协同分析面板</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="47"/>
        <source>Flag synergy units (Processing)…</source>
        <translation>标记协同管控单元（处理工具）…</translation>
    </message>
</context>
<context>
    <name>JwjtCore</name>
    <message>
        <location filename="../jwjt_plugin/adapters/layers.py" line="81"/>
        <source>Raster layer &apos;{name}&apos; is not valid.</source>
        <translation>栅格图层“{name}”无效。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layers.py" line="83"/>
        <source>Raster layer &apos;{name}&apos; has no band {band}.</source>
        <translation>栅格图层“{name}”没有波段 {band}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/fields.py" line="37"/>
        <source>Priority protection</source>
        <translation>优先保护</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/fields.py" line="38"/>
        <source>Key control</source>
        <translation>重点管控</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/fields.py" line="39"/>
        <source>General control</source>
        <translation>一般管控</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="48"/>
        <source>Grid &apos;{name}&apos; is rotated or sheared; only north-up grids are supported.</source>
        <translation>网格“{name}”存在旋转或错切；仅支持正北朝上的网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="53"/>
        <source>Grid &apos;{name}&apos; has an invalid cell size ({dx}, {dy}).</source>
        <translation>网格“{name}”的网格单元大小无效（{dx}, {dy}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="97"/>
        <source>Grid &apos;{name}&apos; has no CRS. Assign one (Layer Properties &gt; Source) and run again.</source>
        <translation>网格“{name}”没有坐标参考系。请为其指定坐标参考系（图层属性 &gt; 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="130"/>
        <source>Grid &apos;{name}&apos;: array shape {shape} does not match the grid ({rows} x {cols}).</source>
        <translation>网格“{name}”：数组形状 {shape} 与网格（{rows} x {cols}）不符。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="160"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold NaN; they are treated as nodata.</source>
        <translation>网格“{name}”：{n} 个网格单元的值为 NaN，已按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="164"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold infinite values; they are treated as nodata.</source>
        <translation>网格“{name}”：{n} 个网格单元的值为无穷大，已按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="169"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold negative values (min {vmin:g}); they are treated as nodata.</source>
        <translation>网格“{name}”：{n} 个网格单元的值为负（最小值 {vmin:g}），已按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="180"/>
        <source>No emission grid was given.</source>
        <translation>未提供排放清单网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="191"/>
        <source>Grids &apos;{a}&apos; and &apos;{b}&apos; are in different CRSs.</source>
        <translation>网格“{a}”与“{b}”的坐标参考系不同。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="213"/>
        <source>Species &apos;{species}&apos; was given twice.</source>
        <translation>排放物种“{species}”被重复指定。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="57"/>
        <source>k must be between 0 and 100 %, not {k}.</source>
        <translation>k 必须介于 0 到 100% 之间，当前为 {k}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/hotspots.py" line="53"/>
        <source>Unknown denominator &apos;{d}&apos;.</source>
        <translation>未知的计算基数“{d}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/hotspots.py" line="101"/>
        <source>The Gi* neighbourhood radius must be at least 1 cell.</source>
        <translation>Gi* 邻域半径至少为 1 个网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/hotspots.py" line="106"/>
        <source>Grid &apos;{name}&apos; has fewer than 3 valid cells; Gi* cannot be computed.</source>
        <translation>网格“{name}”的有效网格单元少于 3 个，无法计算 Gi*。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/hotspots.py" line="112"/>
        <source>Grid &apos;{name}&apos; holds the same value in every cell; Gi* is undefined.</source>
        <translation>网格“{name}”所有网格单元的值均相同，Gi* 无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/overlay.py" line="172"/>
        <source>An array of shape {shape} does not match the grid ({rows} x {cols}).</source>
        <translation>形状为 {shape} 的数组与网格（{rows} x {cols}）不符。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/_common.py" line="40"/>
        <source>&apos;{name}&apos;: the file declares no units; values are taken as t/yr per cell. Give the units explicitly if that is wrong.</source>
        <translation>“{name}”：文件未声明单位，数值按每网格单元 t/yr 处理。如有误，请明确指定单位。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="38"/>
        <source>Fishnet layer &apos;{layer}&apos; has no features.</source>
        <translation>渔网图层“{layer}”没有要素。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="40"/>
        <source>Fishnet layer &apos;{layer}&apos;: no species field was chosen.</source>
        <translation>渔网图层“{layer}”：未选择排放物种字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="44"/>
        <source>Fishnet layer &apos;{layer}&apos; has no field &apos;{field}&apos; (for {species}).</source>
        <translation>渔网图层“{layer}”中没有字段“{field}”（用于 {species}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="54"/>
        <source>Fishnet layer &apos;{layer}&apos;: feature {feature} has no geometry.</source>
        <translation>渔网图层“{layer}”：要素 {feature} 没有几何。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="57"/>
        <source>Fishnet layer &apos;{layer}&apos;: feature {feature} is not a polygon.</source>
        <translation>渔网图层“{layer}”：要素 {feature} 不是多边形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="64"/>
        <source>Fishnet layer &apos;{layer}&apos;: the cells have no width or height.</source>
        <translation>渔网图层“{layer}”：网格单元的宽度或高度为零。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="67"/>
        <source>Fishnet layer &apos;{layer}&apos;: feature {feature} is not an axis-aligned rectangle.</source>
        <translation>渔网图层“{layer}”：要素 {feature} 不是与坐标轴对齐的矩形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="69"/>
        <source>Fishnet layer '{layer}': feature {feature} is not {dx:g} × {dy:g} like most cells.</source>
        <translation>渔网图层“{layer}”：要素 {feature} 的大小不是多数网格单元的 {dx:g} × {dy:g}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="75"/>
        <source>Fishnet layer &apos;{layer}&apos;: feature {feature} is not aligned with the grid of the other cells.</source>
        <translation>渔网图层“{layer}”：要素 {feature} 与其他网格单元所在的网格未对齐。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="83"/>
        <source>Fishnet layer &apos;{layer}&apos;: features {feature_a} and {feature_b} cover the same cell.</source>
        <translation>渔网图层“{layer}”：要素 {feature_a} 与 {feature_b} 覆盖同一网格单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="95"/>
        <source>Fishnet layer &apos;{layer}&apos; has no CRS.</source>
        <translation>渔网图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="97"/>
        <source>'{name}': {n} cells of the {rows} × {cols} grid have no feature in layer '{layer}'; they are nodata.</source>
        <translation>“{name}”：{rows} × {cols} 网格中有 {n} 个网格单元在图层“{layer}”中没有对应要素，已按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="114"/>
        <source>Field &apos;{field}&apos; of layer &apos;{layer}&apos; is not numeric (type {dtype}).</source>
        <translation>图层“{layer}”的字段“{field}”不是数值型（类型为 {dtype}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="128"/>
        <source>Field &apos;{field}&apos; of layer &apos;{layer}&apos; is not numeric: feature {feature} holds &apos;{value}&apos;.</source>
        <translation>图层“{layer}”的字段“{field}”不是数值型：要素 {feature} 的值为“{value}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="132"/>
        <source>&apos;{name}&apos;: field &apos;{field}&apos; holds numbers as text; they were converted.</source>
        <translation>“{name}”：字段“{field}”以文本形式存储数值，已转换为数值。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/fishnet.py" line="137"/>
        <source>&apos;{name}&apos;: {n} features have NULL in field &apos;{field}&apos;; their cells are nodata.</source>
        <translation>“{name}”：{n} 个要素的字段“{field}”为 NULL，对应网格单元按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="74"/>
        <source>File &apos;{path}&apos; does not exist.</source>
        <translation>文件“{path}”不存在。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="52"/>
        <source>File &apos;{path}&apos; could not be opened as NetCDF: {reason}</source>
        <translation>无法将文件“{path}”作为 NetCDF 打开：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="94"/>
        <source>NetCDF file &apos;{path}&apos; has no variable &apos;{variable}&apos;. It has: {names}.</source>
        <translation>NetCDF 文件“{path}”中没有变量“{variable}”。现有变量：{names}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="108"/>
        <source>Variable &apos;{variable}&apos; of NetCDF file &apos;{path}&apos; could not be read: {reason}</source>
        <translation>无法读取 NetCDF 文件“{path}”中的变量“{variable}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="149"/>
        <source>Layout &apos;{layout}&apos; for NetCDF file &apos;{path}&apos; is unknown; use &apos;edgar&apos;, &apos;meic&apos; or &apos;auto&apos;.</source>
        <translation>NetCDF 文件“{path}”的布局“{layout}”未知；请使用 'edgar'、'meic' 或 'auto'。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="162"/>
        <source>&apos;{name}&apos;: cells holding netCDF&apos;s default fill value are treated as nodata.</source>
        <translation>“{name}”：值为 netCDF 默认填充值的网格单元按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="184"/>
        <source>&apos;{name}&apos;: scale_factor {scale:g} and add_offset {offset:g} applied.</source>
        <translation>“{name}”：已应用 scale_factor {scale:g} 和 add_offset {offset:g}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="198"/>
        <source>Variable &apos;{variable}&apos; of NetCDF file &apos;{path}&apos; has dimensions {dims}; a (lat, lon) or (time, lat, lon) grid is needed.</source>
        <translation>NetCDF 文件“{path}”中变量“{variable}”的维度为 {dims}；需要 (lat, lon) 或 (time, lat, lon) 网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="257"/>
        <source>Variable &apos;{variable}&apos; of NetCDF file &apos;{path}&apos;: dimension &apos;{dim}&apos; has no coordinate variable, so the cells cannot be placed.</source>
        <translation>NetCDF 文件“{path}”中变量“{variable}”：维度“{dim}”没有坐标变量，无法确定网格单元位置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="292"/>
        <source>Variable &apos;{variable}&apos; of NetCDF file &apos;{path}&apos;: coordinate &apos;{dim}&apos; has {n} value(s); at least 2 are needed to infer the cell size.</source>
        <translation>NetCDF 文件“{path}”中变量“{variable}”：坐标“{dim}”只有 {n} 个值；至少需要 2 个值才能推算网格单元大小。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="300"/>
        <source>Variable &apos;{variable}&apos; of NetCDF file &apos;{path}&apos;: coordinate &apos;{dim}&apos; is not evenly spaced, so it does not describe a regular grid.</source>
        <translation>NetCDF 文件“{path}”中变量“{variable}”：坐标“{dim}”间距不均匀，不构成规则网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="320"/>
        <source>&apos;{name}&apos;: the variable has no grid_mapping and its coordinates are not longitude/latitude; the grid has no CRS.</source>
        <translation>“{name}”：该变量没有 grid_mapping，且坐标不是经纬度；网格没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="330"/>
        <source>Variable &apos;{variable}&apos; of NetCDF file &apos;{path}&apos; has {n} dimensions; the MEIC layout needs a 1-D variable.</source>
        <translation>NetCDF 文件“{path}”中变量“{variable}”有 {n} 个维度；MEIC 布局要求一维变量。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="336"/>
        <source>MEIC grid for &apos;{path}&apos;: unknown keys {keys}; expected {expected}.</source>
        <translation>“{path}”的 MEIC 网格参数：未知的键 {keys}；应为 {expected}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="344"/>
        <source>&apos;{name}&apos;: grid read from the file&apos;s GMT variables (x_range, y_range, spacing, dimension).</source>
        <translation>“{name}”：已从文件的 GMT 变量（x_range、y_range、spacing、dimension）读取网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="348"/>
        <source>'{name}': no grid given; MEIC's China domain assumed (70–150°E, 10–60°N, 0.25°).</source>
        <translation>“{name}”：未指定网格，按 MEIC 中国区域处理（70–150°E，10–60°N，0.25°）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="352"/>
        <source>&apos;{name}&apos;: rows are assumed stored from the north edge down (GMT grid convention, as published MEIC readers assume; not confirmed by MEIC&apos;s documentation). If the map comes out upside down, set the row order to &apos;south_up&apos;.</source>
        <translation>“{name}”：假定各行自北边界向南存储（GMT 网格惯例，已发布的 MEIC 读取程序均如此假定；MEIC 文档未予确认）。如地图上下颠倒，请将行顺序设为 'south_up'。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="360"/>
        <source>MEIC grid for &apos;{path}&apos; is not numeric: {grid}.</source>
        <translation>“{path}”的 MEIC 网格参数不是数值：{grid}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="363"/>
        <source>MEIC grid for &apos;{path}&apos; is invalid: {grid}.</source>
        <translation>“{path}”的 MEIC 网格参数无效：{grid}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="367"/>
        <source>Variable '{variable}' of NetCDF file '{path}' holds {n} values, but the MEIC grid has {nrows} rows × {ncols} columns = {cells}.</source>
        <translation>NetCDF 文件“{path}”中变量“{variable}”有 {n} 个值，但 MEIC 网格为 {nrows} 行 × {ncols} 列 = {cells} 个网格单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="404"/>
        <source>NetCDF file '{path}': its GMT grid has non-square cells ({dx:g} × {dy:g}), which the MEIC layout does not support.</source>
        <translation>NetCDF 文件“{path}”：其 GMT 网格的网格单元不是正方形（{dx:g} × {dy:g}），MEIC 布局不支持。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="41"/>
        <source>File &apos;{path}&apos; could not be opened as a raster: {reason}</source>
        <translation>无法将文件“{path}”作为栅格打开：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="45"/>
        <source>Raster &apos;{path}&apos; has no band {band} (it has {count}).</source>
        <translation>栅格“{path}”没有波段 {band}（共 {count} 个波段）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="52"/>
        <source>Raster &apos;{path}&apos; has no georeferencing (no geotransform); cells cannot be placed.</source>
        <translation>栅格“{path}”没有地理参考（无 geotransform），无法确定网格单元位置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="58"/>
        <source>Raster &apos;{path}&apos; declares no CRS; assign one before overlaying it with vector layers.</source>
        <translation>栅格“{path}”未声明坐标参考系；请先为其指定坐标参考系，再与矢量图层叠加。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="71"/>
        <source>Band {band} of raster &apos;{path}&apos; could not be read: {reason}</source>
        <translation>无法读取栅格“{path}”的波段 {band}：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="85"/>
        <source>&apos;{name}&apos;: band scale {scale:g} and offset {offset:g} applied.</source>
        <translation>“{name}”：已应用波段缩放系数 {scale:g} 和偏移量 {offset:g}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="192"/>
        <source>EDGAR file &apos;{path}&apos; holds no &apos;lat;lon;emission&apos; data rows.</source>
        <translation>EDGAR 文件“{path}”中没有 'lat;lon;emission' 数据行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="155"/>
        <source>EDGAR file &apos;{path}&apos;, data row {row}: &apos;{value}&apos; is not a number.</source>
        <translation>EDGAR 文件“{path}”第 {row} 个数据行：“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="158"/>
        <source>EDGAR file &apos;{path}&apos; could not be read: {reason}</source>
        <translation>无法读取 EDGAR 文件“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="184"/>
        <source>EDGAR file &apos;{path}&apos;: coordinate convention &apos;{coords}&apos; is unknown; use &apos;lower_left&apos; or &apos;centre&apos;.</source>
        <translation>EDGAR 文件“{path}”：坐标约定“{coords}”未知；请使用 'lower_left' 或 'centre'。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="197"/>
        <source>EDGAR file &apos;{path}&apos;, data row {row}: the coordinates are missing or not finite.</source>
        <translation>EDGAR 文件“{path}”第 {row} 个数据行：坐标缺失或不是有限值。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="209"/>
        <source>EDGAR file '{path}', data row {row}: point ({lat}, {lon}) is not on the {size:g}° lattice of the other cells.</source>
        <translation>EDGAR 文件“{path}”第 {row} 个数据行：点 ({lat}, {lon}) 不在其他网格单元所在的 {size:g}° 格网上。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="222"/>
        <source>&apos;{name}&apos;: {n} cells are absent from the file and set to 0 (EDGAR text files omit cells with zero emission).</source>
        <translation>“{name}”：文件中缺少 {n} 个网格单元，已设为 0（EDGAR 文本文件省略排放为零的网格单元）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="232"/>
        <source>EDGAR file &apos;{path}&apos;: cell size {size} must be positive.</source>
        <translation>EDGAR 文件“{path}”：网格单元大小 {size} 必须为正数。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="244"/>
        <source>'{name}': cell size {size:g}° inferred from the coordinate spacing (EDGAR's grid is 0.1°); give the cell size if that is wrong.</source>
        <translation>“{name}”：根据坐标间距推断网格单元大小为 {size:g}°（EDGAR 网格为 0.1°）；如有误，请指定网格单元大小。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="255"/>
        <source>EDGAR file &apos;{path}&apos;: data rows {row_a} and {row_b} give the same cell ({lat}, {lon}).</source>
        <translation>EDGAR 文件“{path}”：第 {row_a} 和第 {row_b} 个数据行对应同一网格单元 ({lat}, {lon})。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="74"/>
        <source>&apos;{name}&apos;: units &apos;{units}&apos; mean milligrams. Write &apos;Mg/yr&apos; (megagram = tonne) if that is what the data hold.</source>
        <translation>“{name}”：单位“{units}”表示毫克。如数据实为兆克（即吨），请写作 'Mg/yr'。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="78"/>
        <source>&apos;{name}&apos;: units &apos;{units}&apos; mean millimoles. Write &apos;Mmol/yr&apos; (10^6 mol, as MEIC uses for VOC species) if that is what the data hold.</source>
        <translation>“{name}”：单位“{units}”表示毫摩尔。如数据实为 10^6 mol（MEIC 的 VOC 组分采用此单位），请写作 'Mmol/yr'。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="82"/>
        <source>&apos;{name}&apos;: units &apos;{units}&apos; are ambiguous (metric ton or megatonne). Write &apos;t/yr&apos; or &apos;Mt/yr&apos;.</source>
        <translation>“{name}”：单位“{units}”有歧义（可能是吨，也可能是兆吨）。请写作 't/yr' 或 'Mt/yr'。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="101"/>
        <source>&apos;{name}&apos;: units &apos;{units}&apos; are not recognised. Accepted: {accepted}.</source>
        <translation>“{name}”：无法识别单位“{units}”。可用单位：{accepted}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="126"/>
        <source>&apos;{name}&apos;: values in &apos;{units}&apos; read as t/yr (factor {factor:g}).</source>
        <translation>“{name}”：以“{units}”计的数值已换算为 t/yr（系数 {factor:g}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="131"/>
        <source>&apos;{name}&apos;: units &apos;{units}&apos; are carbon mass, which only makes sense for CO2, not for species &apos;{species}&apos;.</source>
        <translation>“{name}”：单位“{units}”为碳质量，仅适用于 CO2，不适用于排放物种“{species}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="135"/>
        <source>&apos;{name}&apos;: carbon mass in &apos;{units}&apos; converted to t CO2/yr (factor {factor:g}, 44.0095/12.011 g/mol).</source>
        <translation>“{name}”：以“{units}”计的碳质量已换算为 t CO2/yr（系数 {factor:g}，即 44.0095/12.011 g/mol）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="140"/>
        <source>&apos;{name}&apos;: units &apos;{units}&apos; are moles; converting species &apos;{species}&apos; to tonnes needs its molar mass (g/mol). Give the molar mass, or use a file in t/yr.</source>
        <translation>“{name}”：单位“{units}”为摩尔；将排放物种“{species}”换算为吨需要其摩尔质量（g/mol）。请提供摩尔质量，或改用以 t/yr 计的文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="146"/>
        <source>&apos;{name}&apos;: the molar mass {molar_mass} g/mol of species &apos;{species}&apos; is not a positive number.</source>
        <translation>“{name}”：排放物种“{species}”的摩尔质量 {molar_mass} g/mol 不是正数。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="150"/>
        <source>&apos;{name}&apos;: &apos;{units}&apos; converted to t/yr with a molar mass of {molar_mass:g} g/mol.</source>
        <translation>“{name}”：已按摩尔质量 {molar_mass:g} g/mol 将“{units}”换算为 t/yr。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="156"/>
        <source>&apos;{name}&apos;: units &apos;{units}&apos; are a flux; converting them needs the grid&apos;s cell areas.</source>
        <translation>“{name}”：单位“{units}”为通量，换算需要网格的网格单元面积。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="162"/>
        <source>&apos;{name}&apos;: cell areas of shape {area_shape} do not match the values&apos; shape {shape}.</source>
        <translation>“{name}”：网格单元面积的形状 {area_shape} 与数值的形状 {shape} 不符。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="189"/>
        <source>Grid &apos;{name}&apos;: its CRS cannot be read, so cell areas cannot be computed.</source>
        <translation>网格“{name}”：无法读取其坐标参考系，因此无法计算网格单元面积。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="218"/>
        <source>Grid &apos;{name}&apos; reaches beyond the poles (latitudes {south:g} to {north:g}); check that its CRS is right.</source>
        <translation>网格“{name}”超出两极范围（纬度 {south:g} 至 {north:g}）；请检查其坐标参考系是否正确。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="29"/>
        <source>Carbon hotspot only</source>
        <translation>仅碳排放热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="30"/>
        <source>Pollutant hotspot only</source>
        <translation>仅污染物热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="31"/>
        <source>No hotspot</source>
        <translation>非热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="69"/>
        <source>A CO2 grid is required for the synergy analysis.</source>
        <translation>协同性分析需要 CO2 排放清单网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="73"/>
        <source>The coincidence rule &apos;{rule}&apos; needs a {species} grid, which was not given.</source>
        <translation>协同网格判定规则“{rule}”需要 {species} 排放清单网格，但未提供。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="77"/>
        <source>The coincidence rule &apos;{rule}&apos; needs a NOx or a VOCs grid; neither was given.</source>
        <translation>协同网格判定规则“{rule}”需要 NOx 或 VOCs 排放清单网格，但二者均未提供。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="211"/>
        <source>Rule &apos;NOx or VOCs&apos;: only {species} was given, so hotspots are {species} hotspots.</source>
        <translation>规则“NOx 或 VOCs”：仅提供了 {species} 网格，因此热点即为 {species} 热点。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="65"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>图层“{layer}”没有要素。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="67"/>
        <source>Layer &apos;{layer}&apos; has no CRS. Set its CRS (Layer Properties &gt; Source) and run again.</source>
        <translation>图层“{layer}”没有坐标参考系。请设置其坐标参考系（图层属性 &gt; 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="78"/>
        <source>No unit of layer &apos;{layer}&apos; is selected.</source>
        <translation>图层“{layer}”中未选中任何管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="86"/>
        <source>Layer &apos;{layer}&apos;: {n} units have no geometry and are skipped: {units}.</source>
        <translation>图层“{layer}”：{n} 个管控单元没有几何，已跳过：{units}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="92"/>
        <source>Layer &apos;{layer}&apos; must hold polygons; units {units} are not polygons.</source>
        <translation>图层“{layer}”必须为多边形图层；管控单元 {units} 不是多边形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="100"/>
        <source>Layer &apos;{layer}&apos; has no unit with a geometry.</source>
        <translation>图层“{layer}”中没有带几何的管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="105"/>
        <source>Layer &apos;{layer}&apos;: {n} invalid geometries were repaired for the analysis (your layer is unchanged): {units}.</source>
        <translation>图层“{layer}”：为进行分析，已修复 {n} 个无效几何（原图层未改动）：{units}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="119"/>
        <source>Layer '{layer}': field '{field}' holds no readable class (1/2/3 or 优先/重点/一般) for {n} units: {units}.</source>
        <translation>图层“{layer}”：字段“{field}”中有 {n} 个管控单元的分类无法识别（应为 1/2/3 或 优先/重点/一般）：{units}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="167"/>
        <source>Layer &apos;{layer}&apos; cannot be transformed to the grid CRS: {error}</source>
        <translation>图层“{layer}”无法转换到网格的坐标参考系：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="177"/>
        <source>Layer &apos;{layer}&apos;: {n} units fall outside the area where the grid CRS is defined.</source>
        <translation>图层“{layer}”：{n} 个管控单元位于网格坐标参考系的适用范围之外。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="263"/>
        <source>Layer &apos;{layer}&apos;: {n} pairs of units overlap, so their shared emissions are counted twice: {pairs}.</source>
        <translation>图层“{layer}”：{n} 对管控单元相互重叠，重叠部分的排放被重复计算：{pairs}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="278"/>
        <source>No unit of layer &apos;{layer}&apos; overlaps grid &apos;{grid}&apos;. Check that both are in the right CRS (GCJ-02 web-map coordinates are offset by several hundred metres; a wrong CRS by far more).</source>
        <translation>图层“{layer}”中没有管控单元与网格“{grid}”重叠。请检查二者的坐标参考系是否正确（GCJ-02 网络地图坐标偏移数百米；坐标参考系错误时偏移远大于此）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="286"/>
        <source>Layer &apos;{layer}&apos;: {n} units lie partly outside grid &apos;{grid}&apos; ({full} entirely); their totals count only the part on the grid: {units}.</source>
        <translation>图层“{layer}”：{n} 个管控单元部分位于网格“{grid}”之外（其中 {full} 个完全位于网格之外）；其排放总量仅统计位于网格内的部分：{units}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="50"/>
        <source>&apos;{path}&apos; holds no vector layer.</source>
        <translation>“{path}”中没有矢量图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="58"/>
        <source>&apos;{path}&apos; has no layer &apos;{layer}&apos;. Its layers: {names}.</source>
        <translation>“{path}”中没有图层“{layer}”。现有图层：{names}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="88"/>
        <source>&apos;{path}&apos; could not be opened as a vector layer: {reason}</source>
        <translation>无法将“{path}”作为矢量图层打开：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="92"/>
        <source>&apos;{path}&apos;: the encoding &apos;{encoding}&apos; was ignored; this format stores text as UTF-8.</source>
        <translation>“{path}”：已忽略编码“{encoding}”；该格式以 UTF-8 存储文本。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="197"/>
        <source>&apos;{path}&apos;: the layer&apos;s CRS could not be read; it is left unset.</source>
        <translation>“{path}”：无法读取图层的坐标参考系，保持未设置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="282"/>
        <source>Encoding &apos;{encoding}&apos; given for &apos;{path}&apos; is unknown.</source>
        <translation>为“{path}”指定的编码“{encoding}”未知。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="293"/>
        <source>&apos;{path}&apos;: the code page &apos;{label}&apos; in its .cpg file is unknown; the encoding is guessed.</source>
        <translation>“{path}”：其 .cpg 文件中的代码页“{label}”未知，将自动推测编码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="310"/>
        <source>&apos;{path}&apos; declares no encoding (no .cpg file); its text was read as {encoding}. Choose the encoding if names look garbled.</source>
        <translation>“{path}”未声明编码（无 .cpg 文件），已按 {encoding} 读取文本。如名称显示乱码，请选择正确的编码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="326"/>
        <source>&apos;{path}&apos;: text in &apos;{field}&apos; is not valid {encoding}; undecodable bytes were replaced.</source>
        <translation>“{path}”：字段“{field}”中的文本不是有效的 {encoding}，无法解码的字节已被替换。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="472"/>
        <source>Layer &apos;{layer}&apos; could not be created in &apos;{path}&apos;: {reason}</source>
        <translation>无法在“{path}”中创建图层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="480"/>
        <source>Field &apos;{field}&apos; could not be created in layer &apos;{layer}&apos; of &apos;{path}&apos;: {reason}</source>
        <translation>无法在“{path}”的图层“{layer}”中创建字段“{field}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="486"/>
        <source>A transaction could not be started on &apos;{path}&apos;: {reason}</source>
        <translation>无法在“{path}”上启动事务：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="491"/>
        <source>Layer &apos;{layer}&apos; could not be committed to &apos;{path}&apos;.</source>
        <translation>无法将图层“{layer}”提交到“{path}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="503"/>
        <source>Layer &apos;{layer}&apos; of &apos;{path}&apos; could not be saved: {reason}</source>
        <translation>无法保存“{path}”中的图层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="526"/>
        <source>Row {row} could not be written to layer &apos;{layer}&apos; of &apos;{path}&apos;: {reason}</source>
        <translation>无法将第 {row} 行写入“{path}”的图层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="551"/>
        <source>OGR has no vector driver &apos;{driver}&apos; (writing &apos;{path}&apos;).</source>
        <translation>OGR 中没有矢量驱动“{driver}”（写入“{path}”时）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="558"/>
        <source>&apos;{path}&apos; exists but cannot be opened for writing: {reason}</source>
        <translation>“{path}”已存在，但无法以写入方式打开：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="568"/>
        <source>&apos;{path}&apos; exists and is a {actual} file, not {driver}.</source>
        <translation>“{path}”已存在，且为 {actual} 文件，而不是 {driver} 文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="572"/>
        <source>Layer &apos;{layer}&apos; already exists in &apos;{path}&apos;; choose another name or allow overwriting.</source>
        <translation>“{path}”中已存在图层“{layer}”；请使用其他名称或允许覆盖。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="579"/>
        <source>Folder &apos;{folder}&apos; does not exist (writing &apos;{path}&apos;).</source>
        <translation>文件夹“{folder}”不存在（写入“{path}”时）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="582"/>
        <source>OGR driver &apos;{driver}&apos; cannot create files (&apos;{path}&apos;).</source>
        <translation>OGR 驱动“{driver}”无法创建文件（“{path}”）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="601"/>
        <source>&apos;{path}&apos; could not be opened for writing: {reason}</source>
        <translation>无法以写入方式打开“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="614"/>
        <source>A transaction could not be started on &apos;{path}&apos;.</source>
        <translation>无法在“{path}”上启动事务。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="651"/>
        <source>Layer &apos;{layer}&apos; in &apos;{path}&apos; could not be replaced: {reason}</source>
        <translation>无法替换“{path}”中的图层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="660"/>
        <source>Shapefile &apos;{path}&apos; cannot hold field names longer than 10 bytes: {fields} (a Chinese character takes 3). Rename them or write a GeoPackage.</source>
        <translation>Shapefile“{path}”的字段名不能超过 10 个字节：{fields}（每个汉字占 3 个字节）。请重命名这些字段，或改为输出 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="679"/>
        <source>&apos;{path}&apos; could not be created: {reason}</source>
        <translation>无法创建“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/fields.py" line="77"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;; choose another field in the field mapping.</source>
        <translation>图层“{layer}”中没有字段“{field}”，请在字段映射中选择其他字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="184"/>
        <source>Grids &apos;{a}&apos; and &apos;{b}&apos; are not aligned (origin, cell size or shape differ: {sa} vs {sb}). Bring them onto one grid before the analysis; resampling emissions would not conserve mass, so the plugin does not do it for you.</source>
        <translation>排放清单网格“{a}”与“{b}”未对齐（原点、网格大小或行列数不同：{sa} 与 {sb}）。请在分析前将其统一到同一网格；对排放量重采样会破坏质量守恒，因此插件不会自动重采样。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="204"/>
        <source>Variable &apos;{variable}&apos; of NetCDF file &apos;{path}&apos; has {n} steps along &apos;{dim}&apos; (indices 0 to {last}); index {index} does not exist.</source>
        <translation>NetCDF 文件“{path}”中的变量“{variable}”沿“{dim}”维共有 {n} 个时次（索引 0 至 {last}），不存在索引 {index}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/netcdf.py" line="211"/>
        <source>&apos;{name}&apos;: step {step} of {n} along &apos;{dim}&apos; read (index {index}).</source>
        <translation>“{name}”：已读取沿“{dim}”维 {n} 个时次中的第 {step} 个（索引 {index}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="167"/>
        <source>'{name}': flux in '{units}' converted to t/yr per cell: flux × cell area × 31 536 000 s ÷ 1000, with the cell areas given.</source>
        <translation>“{name}”：以“{units}”计的通量已换算为每个网格单元的 t/yr：通量 × 网格面积 × 31 536 000 s ÷ 1000（使用给定的网格面积）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="170"/>
        <source>'{name}': flux in '{units}' converted to t/yr per cell: flux × geodesic cell area on the ellipsoid × 31 536 000 s ÷ 1000.</source>
        <translation>“{name}”：以“{units}”计的通量已换算为每个网格单元的 t/yr：通量 × 椭球面上的网格面积 × 31 536 000 s ÷ 1000。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="173"/>
        <source>'{name}': flux in '{units}' converted to t/yr per cell: flux × planar cell area (dx × dy) × 31 536 000 s ÷ 1000.</source>
        <translation>“{name}”：以“{units}”计的通量已换算为每个网格单元的 t/yr：通量 × 平面网格面积（dx × dy）× 31 536 000 s ÷ 1000。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="59"/>
        <source>Unknown hotspot method &apos;{value}&apos;; use one of {allowed}.</source>
        <translation>未知的热点识别方法“{value}”，请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="59"/>
        <source>Unknown coincidence rule &apos;{value}&apos;; use one of {allowed}.</source>
        <translation>未知的协同网格判定规则“{value}”，请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="59"/>
        <source>Unknown cell domain &apos;{value}&apos;; use one of {allowed}.</source>
        <translation>未知的网格排序范围“{value}”，请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="28"/>
        <source>Synergy hotspot</source>
        <translation>协同热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layers.py" line="106"/>
        <source>Raster layer &apos;{name}&apos; has a data type that cannot be read as emissions.</source>
        <translation>栅格图层“{name}”的数据类型无法作为排放量读取。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="15"/>
        <source>Synergy hotspot in a priority-protection unit</source>
        <translation>优先保护单元中的协同热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="15"/>
        <source>Synergy hotspot in a key-control unit</source>
        <translation>重点管控单元中的协同热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="15"/>
        <source>Synergy hotspot in a general-control unit</source>
        <translation>一般管控单元中的协同热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="15"/>
        <source>Synergy hotspot, unit class unknown</source>
        <translation>协同热点（单元分类未知）</translation>
    </message>
</context>
</TS>
