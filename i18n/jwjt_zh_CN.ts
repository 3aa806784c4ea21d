<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="99"/>
        <source>Load sample city</source>
        <translation>加载示例市</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="66"/>
        <source>Sample city (示例市)</source>
        <translation>示例市</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="37"/>
        <source>Ecological red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="37"/>
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="38"/>
        <source>Urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="78"/>
        <source>Environmental control units</source>
        <translation>环境管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="106"/>
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
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="68"/>
        <source>Flag synergy units (CO2 top cells × NOx/VOCs hotspots)</source>
        <translation>标记协同管控单元（CO2 排放量前 k% 网格 × NOx/VOCs 热点）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/base.py" line="78"/>
        <source>Synergy analysis</source>
        <translation>协同性分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_fields.py" line="14"/>
        <source>Unit code field (auto-detect when empty)</source>
        <translation>单元编码字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_fields.py" line="15"/>
        <source>Unit name field (auto-detect when empty)</source>
        <translation>单元名称字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_fields.py" line="16"/>
        <source>Unit class field (auto-detect when empty)</source>
        <translation>管控单元分类字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="102"/>
        <source>{species} emission grid</source>
        <translation>{species} 排放清单网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="105"/>
        <source>Units of the grid values</source>
        <translation>网格值的单位</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="107"/>
        <source>Top k % of cells by CO2</source>
        <translation>CO2 排放量前 k% 的网格（k 值，%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="110"/>
        <source>Pollutant hotspot method</source>
        <translation>污染物热点识别方法</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="112"/>
        <source>Coincidence rule</source>
        <translation>协同网格判定规则</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="127"/>
        <source>Gi* neighbourhood radius (cells)</source>
        <translation>Gi* 邻域半径（网格数）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="129"/>
        <source>Gi* hotspot confidence</source>
        <translation>Gi* 热点置信度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="131"/>
        <source>Gi*: correct for false discovery rate</source>
        <translation>Gi*：进行错误发现率（FDR）校正</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="132"/>
        <source>Flag when coincidence cells cover at least (% of unit area)</source>
        <translation>协同网格覆盖面积不低于（占单元面积的 %）时标记</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="134"/>
        <source>… or hold at least (% of the unit's CO2)</source>
        <translation>… 或所含 CO2 不低于（占单元 CO2 的 %）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="87"/>
        <source>Flagged units</source>
        <translation>已标记的管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="89"/>
        <source>Concentration table</source>
        <translation>排放集中度表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="89"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="91"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="92"/>
        <source>Number of flagged units</source>
        <translation>已标记的管控单元数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="197"/>
        <source>Reading {species} grid &apos;{name}&apos;</source>
        <translation>正在读取 {species} 排放清单网格“{name}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="203"/>
        <source>Fields: code = {code}, name = {name}, class = {cls}</source>
        <translation>字段：单元编码 = {code}，单元名称 = {name}，管控单元分类 = {cls}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="663"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="123"/>
        <source>Cells to rank</source>
        <translation>参与排序的网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="125"/>
        <source>Count the top k % among</source>
        <translation>前 k% 的计算基数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="101"/>
        <source>Species</source>
        <translation>排放物种</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="101"/>
        <source>Total (t/yr)</source>
        <translation>总量（吨/年）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="48"/>
        <source>Emission concentration curve</source>
        <translation>排放集中度曲线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="48"/>
        <source>Cells ranked by CO2 (%)</source>
        <translation>按 CO2 排序的网格比例（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="48"/>
        <source>Cumulative share (%)</source>
        <translation>累计排放占比（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="77"/>
        <source>Unit code</source>
        <translation>单元编码</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="78"/>
        <source>Unit name</source>
        <translation>单元名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/field_mapping.py" line="16"/>
        <source>Unit class</source>
        <translation>管控单元分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="61"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="64"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="126"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="37"/>
        <source>{species} (t/yr)</source>
        <translation>{species}（吨/年）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="73"/>
        <source>Coincidence share</source>
        <translation>协同网格面积占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="76"/>
        <source>CO2 in coincidence cells</source>
        <translation>协同网格内 CO2 占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="54"/>
        <source>Synergy class</source>
        <translation>协同分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="50"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="350"/>
        <source>Synergy analysis (减污降碳协同分析)</source>
        <translation>减污降碳协同分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="118"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="123"/>
        <source>Control units</source>
        <translation>环境管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="124"/>
        <source>Selected units only</source>
        <translation>仅分析选中的单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="131"/>
        <source>{species} grid</source>
        <translation>{species} 排放清单网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="135"/>
        <source>Grid values in</source>
        <translation>网格值的单位</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="138"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="157"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="158"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="188"/>
        <source>Save as GeoPackage…</source>
        <translation>另存为 GeoPackage…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="152"/>
        <source>Units</source>
        <translation>管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="154"/>
        <source>Concentration</source>
        <translation>排放集中度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="158"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="251"/>
        <source>An analysis is running.</source>
        <translation>分析正在运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="256"/>
        <source>Choose the layer of control units.</source>
        <translation>请选择环境管控单元图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="258"/>
        <source>No unit is selected in layer &apos;{name}&apos;.</source>
        <translation>图层“{name}”中没有选中的单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="274"/>
        <source>Choose the field of fishnet &apos;{name}&apos; that holds {species}.</source>
        <translation>请选择渔网图层“{name}”中存放 {species} 的字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="288"/>
        <source>Inputs changed since the last run: press Run to update the results.</source>
        <translation>输入自上次运行后已改变，请点击“运行”更新结果。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="290"/>
        <source>Ready to run.</source>
        <translation>可以运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="373"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/base.py" line="287"/>
        <source>The analysis stopped: {error}</source>
        <translation>分析已中止：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="414"/>
        <source>Synergy flags — {layer}</source>
        <translation>协同标记 — {layer}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="328"/>
        <source>{n} of {total} units flagged. Top {k:g} % cells hold {shares}.</source>
        <translation>{total} 个单元中 {n} 个被标记。前 {k:g}% 网格占比：{shares}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="514"/>
        <source>Done: {n} units flagged.</source>
        <translation>完成：标记了 {n} 个单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="591"/>
        <source>Save synergy results</source>
        <translation>保存协同分析结果</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="586"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="601"/>
        <source>Could not save &apos;{path}&apos;: {error}</source>
        <translation>无法保存“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="603"/>
        <source>Saved to {path}</source>
        <translation>已保存至 {path}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dock_registry.py" line="74"/>
        <source>Synergy analysis panel</source>
        <translation>减污降碳协同分析面板</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="98"/>
        <source>Flag synergy units (Processing)…</source>
        <translation>标记协同管控单元（处理工具）…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/checks_dock.py" line="15"/>
        <source>Checks and access query (检查与一键查)</source>
        <translation>检查与一键查</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/checks_dock.py" line="20"/>
        <source>Unit QA</source>
        <translation>单元质检</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="81"/>
        <source>Administrative boundary (for the gap check)</source>
        <translation>行政边界（用于空隙检查）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="84"/>
        <source>Minimum unit area (m²)</source>
        <translation>最小单元面积（m²）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="87"/>
        <source>Ignore gaps smaller than (m²)</source>
        <translation>忽略小于此面积的空隙（m²）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="63"/>
        <source>Check units</source>
        <translation>检查单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="65"/>
        <source>Repair geometry</source>
        <translation>修复几何</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="67"/>
        <source>Repairs the selected invalid geometry in your layer as one undoable edit.</source>
        <translation>修复图层中选中的无效几何，作为一次可撤销的编辑。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="72"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="72"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="72"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="72"/>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="124"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="145"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="145"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="150"/>
        <source>No problem found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="150"/>
        <source>{n} findings ({errors} errors). Click one to see it on the map.</source>
        <translation>发现 {n} 个问题（其中 {errors} 个错误）。点击某个问题可在地图上查看。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="171"/>
        <source>The unit is no longer in layer &apos;{name}&apos;.</source>
        <translation>该单元已不在图层“{name}”中。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="181"/>
        <source>The repaired geometry of {unit} has {n} parts, but layer &apos;{name}&apos; holds single polygons; repair it by hand.</source>
        <translation>{unit} 修复后的几何包含 {n} 个部分，但图层“{name}”只能存储单部件多边形，请手动修复。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="189"/>
        <source>Repair geometry of {unit}</source>
        <translation>修复 {unit} 的几何</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="195"/>
        <source> Layer &apos;{name}&apos; was switched into editing; save or roll back its edits.</source>
        <translation>图层“{name}”已切换为编辑状态，请保存或回滚其编辑。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="197"/>
        <source>Repaired {unit} (undo with Ctrl+Z).</source>
        <translation>已修复 {unit}（可按 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="211"/>
        <source>Invalid geometry</source>
        <translation>无效几何</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="212"/>
        <source>No geometry</source>
        <translation>无几何</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="213"/>
        <source>Overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="214"/>
        <source>Gap</source>
        <translation>空隙</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="215"/>
        <source>Duplicate code</source>
        <translation>编码重复</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="216"/>
        <source>Malformed code</source>
        <translation>编码格式错误</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="217"/>
        <source>Code/class mismatch</source>
        <translation>编码与分类不符</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="218"/>
        <source>Below minimum area</source>
        <translation>小于最小面积</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="219"/>
        <source>Missing class</source>
        <translation>缺少分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dock_registry.py" line="74"/>
        <source>Checks and access query panel</source>
        <translation>检查与一键查面板</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="77"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="77"/>
        <source>Rule description</source>
        <translation>规则说明</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="78"/>
        <source>Unit class (1/2/3, 0 unknown)</source>
        <translation>管控单元分类（1/2/3，0 表示未知）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="79"/>
        <source>Plan kind</source>
        <translation>规划类型</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="79"/>
        <source>Plan layer</source>
        <translation>规划图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="79"/>
        <source>Plan feature</source>
        <translation>规划要素</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="80"/>
        <source>Other plan kind</source>
        <translation>另一规划类型</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="80"/>
        <source>Other plan layer</source>
        <translation>另一规划图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="81"/>
        <source>Other plan feature</source>
        <translation>另一规划要素</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="81"/>
        <source>Overlap area (m²)</source>
        <translation>重叠面积（m²）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="82"/>
        <source>Share of the unit</source>
        <translation>占单元面积比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="82"/>
        <source>Share of the plan feature</source>
        <translation>占规划要素面积比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="137"/>
        <source>Check units against spatial plans (三区三线)</source>
        <translation>对照国土空间规划（三区三线）检查管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/base.py" line="79"/>
        <source>Quality checks</source>
        <translation>质量检查</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="138"/>
        <source>Finds where environmental control units and the territorial spatial plans contradict each other. Default rules: the ecological protection red line must lie in priority-protection units (red line in key- or general-control units is a conflict); the urban development boundary must not lie in priority-protection units; permanent basic farmland, the red line and the urban development boundary must not overlap each other. A rules file (JSON) can replace the defaults. Each conflict is one polygon per unit, with its area (m², geodesic for lon/lat units) and its share of the unit and of the plan feature. Overlaps smaller than the minimum area or nowhere as wide as the minimum width are digitising slivers and are ignored. Plan layers in another CRS are transformed to the units' CRS; invalid geometries are repaired on a copy.</source>
        <translation>查找环境管控单元与国土空间规划相互矛盾之处。默认规则：生态保护红线必须位于优先保护单元内（位于重点管控或一般管控单元内的红线即为冲突）；城镇开发边界不得位于优先保护单元内；永久基本农田、生态保护红线与城镇开发边界之间不得相互重叠。可用规则文件（JSON）替换默认规则。每处冲突在每个单元中输出为一个多边形，并给出其面积（m²；经纬度坐标的单元按椭球面计算）及其占单元和规划要素的面积比例。面积小于最小面积、或各处宽度均不及最小宽度的重叠视为数字化碎片，予以忽略。坐标参考系不同的规划图层会转换到管控单元的坐标参考系；无效几何在副本上修复。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="154"/>
        <source>Ecological protection red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="154"/>
        <source>Red line code field (auto-detect when empty)</source>
        <translation>生态保护红线编码字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="156"/>
        <source>Permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="156"/>
        <source>Farmland code field (auto-detect when empty)</source>
        <translation>永久基本农田编码字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="158"/>
        <source>Urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="158"/>
        <source>Urban development boundary code field (auto-detect when empty)</source>
        <translation>城镇开发边界编码字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="166"/>
        <source>Ignore overlaps smaller than (m²)</source>
        <translation>忽略小于此面积的重叠（m²）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="169"/>
        <source>Ignore overlaps narrower than (m)</source>
        <translation>忽略窄于此宽度的重叠（m）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="172"/>
        <source>Overlap rules file (JSON; the default rules when empty)</source>
        <translation>重叠规则文件（JSON；留空则使用默认规则）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="176"/>
        <source>Plan conflicts</source>
        <translation>规划冲突</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="178"/>
        <source>Conflict table</source>
        <translation>冲突表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="180"/>
        <source>Number of conflicts</source>
        <translation>冲突数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="214"/>
        <source>Unit fields: code = {code}, class = {cls}</source>
        <translation>单元字段：单元编码 = {code}，管控单元分类 = {cls}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="227"/>
        <source>Plan layer &apos;{layer}&apos;: code field = {code}</source>
        <translation>规划图层“{layer}”：编码字段 = {code}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/plan_overlap_algorithm.py" line="248"/>
        <source>Rule '{rule}': conflicts: {n}, area: {area} km²</source>
        <translation>规则“{rule}”：冲突 {n} 处，面积 {area} km²</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="66"/>
        <source>Check control units (geometry, overlaps, gaps, codes)</source>
        <translation>检查环境管控单元（几何、重叠、空隙、编码）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="67"/>
        <source>Checks a layer of environmental control units before delivery: invalid or empty geometries, units that overlap (their emissions would be counted twice), gaps that belong to no unit (inside the administrative boundary when one is given, otherwise holes enclosed by units), duplicate and malformed unit codes (ZH + 6-digit county code + class digit 1/2/3 + 4-digit serial), codes whose class digit disagrees with the class field, missing classes and units below a minimum area. Each finding is a polygon (the overlap, the gap or the unit) naming the unit codes and feature ids; invalid geometries are marked fixable. Your layer is not changed.</source>
        <translation>在交付前检查环境管控单元图层：无效几何或空几何；相互重叠的单元（其排放会被重复计算）；不属于任何单元的空隙（给定行政边界时检查边界内的空隙，否则检查被单元包围的孔洞）；重复或格式错误的单元编码（ZH + 6 位县级行政区划代码 + 分类位 1/2/3 + 4 位序号）；分类位与分类字段不一致的编码；缺少分类的单元，以及面积小于最小面积的单元。每个问题输出为一个多边形（重叠部分、空隙或单元本身），并注明相关的单元编码和要素 ID；无效几何标记为可修复。原图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="91"/>
        <source>Unit findings</source>
        <translation>单元质检结果</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="93"/>
        <source>Number of findings</source>
        <translation>问题数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="94"/>
        <source>Number of errors</source>
        <translation>错误数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="112"/>
        <source>Fields: code = {code}, class = {cls}</source>
        <translation>字段：单元编码 = {code}，管控单元分类 = {cls}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_qa_algorithm.py" line="128"/>
        <source>{n} findings: {errors} errors, {warnings} warnings.</source>
        <translation>共 {n} 个问题：{errors} 个错误，{warnings} 个警告。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/checks_dock.py" line="19"/>
        <source>三区三线 overlaps</source>
        <translation>三区三线重叠</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="92"/>
        <source>Forbidden unit classes</source>
        <translation>不得重叠的单元分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="92"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="100"/>
        <source>Load rules…</source>
        <translation>加载规则…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="101"/>
        <source>Export rules…</source>
        <translation>导出规则…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="102"/>
        <source>Default rules</source>
        <translation>默认规则</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="108"/>
        <source>Check overlaps</source>
        <translation>检查重叠</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="126"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="162"/>
        <source>project</source>
        <translation>当前项目</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="227"/>
        <source>Load overlap rules</source>
        <translation>加载重叠规则</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="240"/>
        <source>Rules (*.json)</source>
        <translation>规则文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="240"/>
        <source>Export overlap rules</source>
        <translation>导出重叠规则</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="327"/>
        <source>Plan conflicts — {layer}</source>
        <translation>规划冲突 — {layer}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="332"/>
        <source>{n} conflicts found.</source>
        <translation>发现 {n} 处冲突。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="333"/>
        <source>No conflict found.</source>
        <translation>未发现冲突。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="55"/>
        <source>Site access query (环境准入一键查)</source>
        <translation>环境准入一键查</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/base.py" line="80"/>
        <source>Access query</source>
        <translation>准入查询</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="80"/>
        <source>Project site (point or polygon)</source>
        <translation>项目选址（点或多边形）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="91"/>
        <source>Industry of the project</source>
        <translation>项目所属行业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="101"/>
        <source>Ecological protection red line (optional)</source>
        <translation>生态保护红线（可选）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="101"/>
        <source>Permanent basic farmland (optional)</source>
        <translation>永久基本农田（可选）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="101"/>
        <source>Urban development boundary (optional)</source>
        <translation>城镇开发边界（可选）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="106"/>
        <source>Buffer around the site (m)</source>
        <translation>选址缓冲距离（m）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_fields.py" line="17"/>
        <source>Spatial layout constraints field (auto-detect when empty)</source>
        <translation>空间布局约束字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_fields.py" line="19"/>
        <source>Pollutant emission control field (auto-detect when empty)</source>
        <translation>污染物排放管控字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_fields.py" line="21"/>
        <source>Environmental risk prevention field (auto-detect when empty)</source>
        <translation>环境风险防控字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_fields.py" line="22"/>
        <source>Resource use efficiency field (auto-detect when empty)</source>
        <translation>资源开发效率要求字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="118"/>
        <source>Urban boundary code field (auto-detect when empty)</source>
        <translation>城镇开发边界编码字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="124"/>
        <source>Access query report (HTML)</source>
        <translation>准入查询报告（HTML）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="124"/>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML 文件 (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="126"/>
        <source>Access query report (PDF)</source>
        <translation>准入查询报告（PDF）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="135"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="129"/>
        <source>Verdict (pass, restricted, fail, needs_info)</source>
        <translation>结论（pass、restricted、fail、needs_info）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="130"/>
        <source>Verdict label</source>
        <translation>结论名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="131"/>
        <source>Reasons, each quoting its source</source>
        <translation>理由（每条均引用原文）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="132"/>
        <source>Number of control units touched</source>
        <translation>涉及的管控单元数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="190"/>
        <source>The site layer has no feature with a geometry.</source>
        <translation>选址图层中没有带几何的要素。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="193"/>
        <source>{n} features of the site layer are selected; the query uses feature {fid}.</source>
        <translation>选址图层中选中了 {n} 个要素，查询使用要素 {fid}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="194"/>
        <source>The site layer has {n} features; the query uses feature {fid}.</source>
        <translation>选址图层共有 {n} 个要素，查询使用要素 {fid}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="197"/>
        <source>The site layer has no CRS; set it in Layer Properties &gt; Source.</source>
        <translation>选址图层没有坐标参考系，请在 图层属性 &gt; 源 中设置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="236"/>
        <source>Layer &apos;{layer}&apos; has no CRS; set it in Layer Properties &gt; Source.</source>
        <translation>图层“{layer}”没有坐标参考系，请在 图层属性 &gt; 源 中设置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="161"/>
        <source>feature {fid} of layer &apos;{layer}&apos;</source>
        <translation>图层“{layer}”的要素 {fid}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="248"/>
        <source>Click a site</source>
        <translation>点选选址</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="163"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="164"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="298"/>
        <source>Click a site on the map, or draw a polygon (right-click closes it).</source>
        <translation>在地图上点选项目选址，或绘制选址范围（右键结束绘制）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="398"/>
        <source>Querying…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="466"/>
        <source>Export HTML</source>
        <translation>导出 HTML</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="481"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="61"/>
        <source>Access list editor (准入清单编辑)</source>
        <translation>准入清单编辑</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="89"/>
        <source>Choose the unit tool and click a unit on the map.</source>
        <translation>请选择单元工具，并在地图上点击一个管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="103"/>
        <source>Synergy metrics</source>
        <translation>协同指标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="112"/>
        <source>Remark (备注)</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="127"/>
        <source>Save to layer</source>
        <translation>保存到图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="128"/>
        <source>Writes the form into the layer&apos;s edit buffer as one undoable step.</source>
        <translation>将表单写入图层的编辑缓冲区，作为一步可撤销的编辑。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="129"/>
        <source>Revert form</source>
        <translation>还原表单</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="143"/>
        <source>Measures table…</source>
        <translation>措施库表…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="46"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="152"/>
        <source>Insert into the form</source>
        <translation>插入表单</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="153"/>
        <source>Apply to selected units</source>
        <translation>应用于选中单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="154"/>
        <source>Apply to flagged units</source>
        <translation>应用于已标记单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="158"/>
        <source>Measures library</source>
        <translation>减污降碳协同措施库</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="163"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="163"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="163"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="163"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="163"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="169"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="170"/>
        <source>Export change log…</source>
        <translation>导出变更记录…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="171"/>
        <source>Export access list…</source>
        <translation>导出准入清单…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="172"/>
        <source>Export flagged units' list…</source>
        <translation>导出已标记单元的清单…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="176"/>
        <source>Change log and export</source>
        <translation>变更记录与导出</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="216"/>
        <source>Layer &apos;{layer}&apos;, feature {fid}</source>
        <translation>图层“{layer}”，要素 {fid}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="239"/>
        <source>CO2 {co2:,.0f} t/yr, NOx {nox:,.0f} t/yr, coincidence share {share:.1f} %, class {cls}</source>
        <translation>CO2 {co2:,.0f} 吨/年，NOx {nox:,.0f} 吨/年，协同网格面积占比 {share:.1f}%，协同分类 {cls}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="244"/>
        <source>not computed (run the synergy analysis)</source>
        <translation>尚未计算（请先运行协同分析）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="291"/>
        <source>Not saved: {n} problems to correct.</source>
        <translation>未保存：有 {n} 处问题需要修正。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="303"/>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="310"/>
        <source>Edit access list of {unit}</source>
        <translation>编辑 {unit} 的准入清单</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="506"/>
        <source> Layer &apos;{name}&apos; was switched into editing; use Save Layer Edits to keep the changes.</source>
        <translation>图层“{name}”已切换为编辑状态；请使用“保存图层编辑”保留修改。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="320"/>
        <source>Saved to the edit buffer (undo with Ctrl+Z).</source>
        <translation>已保存到编辑缓冲区（可用 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="454"/>
        <source>Measures table</source>
        <translation>措施库表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="454"/>
        <source>Measures (*.csv *.gpkg)</source>
        <translation>措施库 (*.csv *.gpkg)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="492"/>
        <source>Choose a measure and a unit layer whose field mapping has this dimension.</source>
        <translation>请选择一条措施，以及字段映射中包含该维度的单元图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="495"/>
        <source>No unit to apply the measure to.</source>
        <translation>没有可应用该措施的单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="499"/>
        <source>Apply measure to {n} units</source>
        <translation>将措施应用于 {n} 个单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="508"/>
        <source>Measure added to {n} units (one undo step).</source>
        <translation>已将措施添加到 {n} 个单元（一步可撤销）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="528"/>
        <source>Export change log</source>
        <translation>导出变更记录</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="537"/>
        <source>Click a unit of the layer to export first.</source>
        <translation>请先点击要导出图层中的一个单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="540"/>
        <source>Export access list</source>
        <translation>导出准入清单</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="540"/>
        <source>Excel workbook (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dock_registry.py" line="74"/>
        <source>Edit access list (click a unit)</source>
        <translation>编辑准入清单（点击单元）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="254"/>
        <source>Select a polygon layer of control units first.</source>
        <translation>请先选中环境管控单元面图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="287"/>
        <source>Layer &apos;{name}&apos; has unsaved edits. Save them now?</source>
        <translation>图层“{name}”有未保存的编辑，现在保存吗？</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="95"/>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="100"/>
        <source>CO2 rank among the units</source>
        <translation>CO2 排放量在各单元中的排名</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="101"/>
        <source>CO2 top {k} % cells touched</source>
        <translation>涉及的 CO2 前 {k}% 网格数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="103"/>
        <source>Coincidence cells touched</source>
        <translation>涉及的协同网格数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="104"/>
        <source>Coincidence cells, share of area</source>
        <translation>协同网格面积占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="108"/>
        <source>{species} in coincidence cells</source>
        <translation>协同网格内 {species} 占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="109"/>
        <source>Share of the unit on the grid</source>
        <translation>单元位于网格范围内的面积比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="143"/>
        <source>Atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="144"/>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="151"/>
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="150"/>
        <source>Grids not given</source>
        <translation>未提供的排放清单网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="154"/>
        <source>Units analysed</source>
        <translation>参与分析的管控单元数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="189"/>
        <source>flagged units only</source>
        <translation>仅已标记单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="155"/>
        <source>all units</source>
        <translation>全部单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="156"/>
        <source>Unit sheets</source>
        <translation>单元页</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="157"/>
        <source>Units skipped (no geometry)</source>
        <translation>已跳过的单元（无几何）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="187"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="23"/>
        <source>Class unknown</source>
        <translation>分类未知</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="33"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="38"/>
        <source>{label} (continued)</source>
        <translation>{label}（续）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="57"/>
        <source>Getis–Ord Gi* (bin ≥ {bin})</source>
        <translation>Getis–Ord Gi*（置信分级 ≥ {bin}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="80"/>
        <source>{share} of {species}</source>
        <translation>{species} {share}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="84"/>
        <source>Top {k} % of cells by CO2, counted among {denominator} ({domain}); pollutant hotspots: {method}; coincidence rule: {rule}; a unit is flagged when coincidence cells cover at least {area} of it or hold at least {co2} of its CO2.</source>
        <translation>CO2 排放量前 {k}% 的网格，计算基数为{denominator}（{domain}）；污染物热点：{method}；协同网格判定规则：{rule}；当协同网格覆盖单元面积不低于 {area}，或所含 CO2 不低于单元 CO2 的 {co2} 时，标记该单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="94"/>
        <source>{city} pollution–carbon synergy atlas</source>
        <translation>{city}减污降碳协同图集</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="95"/>
        <source>Pollution–carbon synergy atlas</source>
        <translation>减污降碳协同图集</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="120"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="125"/>
        <source>{species} emissions per grid cell</source>
        <translation>各网格单元 {species} 排放量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="134"/>
        <source>No {species} grid was given, so this page shows the control units only.</source>
        <translation>未提供 {species} 排放清单网格，本页仅显示管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="142"/>
        <source>Top {k} % of cells by CO2</source>
        <translation>CO2 排放量前 {k}% 的网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="146"/>
        <source>{n} of {domain} cells; they hold {shares}.</source>
        <translation>共 {domain} 个网格中的 {n} 个；占比：{shares}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="150"/>
        <source>CO2 top {k} % cells ({n})</source>
        <translation>CO2 前 {k}% 网格（{n}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="158"/>
        <source>{n} coincidence cells (rule: {rule}); they hold {shares}.</source>
        <translation>协同网格 {n} 个（判定规则：{rule}）；占比：{shares}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="162"/>
        <source>Coincidence cells ({n})</source>
        <translation>协同网格（{n}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="170"/>
        <source>Control units by class</source>
        <translation>管控单元分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="174"/>
        <source>Units per class: {counts}.</source>
        <translation>各分类单元数：{counts}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="178"/>
        <source>Synergy classes and flagged units</source>
        <translation>协同分类与已标记单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="182"/>
        <source>{n} of {total} units are flagged as synergy hotspots (class A).</source>
        <translation>{total} 个单元中有 {n} 个被标记为协同热点（A 类）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="186"/>
        <source>No cell falls in this set.</source>
        <translation>没有网格属于此类。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="202"/>
        <source>Grid cells</source>
        <translation>网格单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="206"/>
        <source>This unit</source>
        <translation>本单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="210"/>
        <source>Other units</source>
        <translation>其他单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="215"/>
        <source>Emission concentration</source>
        <translation>排放集中度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="219"/>
        <source>The top {k} % of cells by CO2 ({n} of {total} cells) hold {shares}.</source>
        <translation>CO2 排放量前 {k}% 的网格（共 {total} 个网格中的 {n} 个）占比：{shares}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="224"/>
        <source>Coincidence cells ({n}) hold {shares}.</source>
        <translation>协同网格（{n} 个）占比：{shares}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="232"/>
        <source>Share of cells ranked by CO2 (%)</source>
        <translation>按 CO2 排序的网格比例（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="232"/>
        <source>Cumulative share of emissions (%)</source>
        <translation>累计排放占比（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="101"/>
        <source>Share in top {k} % CO2 cells</source>
        <translation>CO2 前 {k}% 网格内占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="102"/>
        <source>Share in coincidence cells</source>
        <translation>协同网格内占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="343"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="343"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="103"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="352"/>
        <source>Environmental access list</source>
        <translation>环境准入清单</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="43"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="43"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="49"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="364"/>
        <source>Requirements</source>
        <translation>准入要求</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="368"/>
        <source>(none given)</source>
        <translation>（未提供）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="372"/>
        <source>(the unit layer has no field for this dimension)</source>
        <translation>（单元图层中没有该维度的字段）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="61"/>
        <source>CO2 reduction</source>
        <translation>CO2 减排率</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="62"/>
        <source>NOx reduction</source>
        <translation>NOx 减排率</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="62"/>
        <source>Elasticity NOx/CO2</source>
        <translation>弹性系数 NOx/CO2</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="63"/>
        <source>Quadrant (NOx)</source>
        <translation>象限（NOx）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="63"/>
        <source>VOCs reduction</source>
        <translation>VOCs 减排率</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="64"/>
        <source>Quadrant (VOCs)</source>
        <translation>象限（VOCs）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="64"/>
        <source>Coordination D</source>
        <translation>耦合协调度 D</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="65"/>
        <source>Grade</source>
        <translation>协调等级</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="65"/>
        <source>Synergy index</source>
        <translation>协同指数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="65"/>
        <source>Key sector</source>
        <translation>重点部门</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="159"/>
        <source>Sector</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="68"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="68"/>
        <source>Growth</source>
        <translation>增长率</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="68"/>
        <source>Boston group</source>
        <translation>波士顿矩阵分组</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="116"/>
        <source>Baseline and synergy assessment (基础评价与协同性分析)</source>
        <translation>基础评价与协同性分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="199"/>
        <source>Base year</source>
        <translation>基准年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="200"/>
        <source>Target year</source>
        <translation>目标年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="159"/>
        <source>Raster layer</source>
        <translation>栅格图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="159"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="203"/>
        <source>Find grids</source>
        <translation>查找排放清单网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="204"/>
        <source>Assess</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="232"/>
        <source>Sectors</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="241"/>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="252"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="538"/>
        <source>all sectors</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="89"/>
        <source>No loaded raster names a species and a year (e.g. co2_2020.tif).</source>
        <translation>已加载的栅格中没有名称标明排放物种和年份的（如 co2_2020.tif）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="353"/>
        <source>Assessing…</source>
        <translation>正在评价…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="413"/>
        <source>Assessment {base}–{target} — {layer}</source>
        <translation>协同性评价 {base}–{target} — {layer}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="394"/>
        <source>{n} units assessed: {syn} synergistic, {trade} trade-offs, {rise} both rise (NOx).</source>
        <translation>已评价 {n} 个单元：协同 {syn} 个，权衡（此消彼长）{trade} 个，二者均上升 {rise} 个（NOx）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="459"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="459"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="499"/>
        <source>Synergy coordinates: CO2 and {species}</source>
        <translation>协同控制效应坐标：CO2 与 {species}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="501"/>
        <source>Boston matrix of sectors ({species})</source>
        <translation>部门波士顿矩阵（{species}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="504"/>
        <source>Key sectors</source>
        <translation>重点部门</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dock_registry.py" line="74"/>
        <source>Baseline and synergy assessment panel</source>
        <translation>基础评价与协同性分析面板</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/base.py" line="81"/>
        <source>Baseline and synergy assessment</source>
        <translation>基础评价与协同性分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="144"/>
        <source>Weight α of CO2 in the coordination index T (β = 1 − α)</source>
        <translation>综合协调指数 T 中 CO2 的权重 α（β = 1 − α）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="146"/>
        <source>Rates within ± this many % count as no change (0 = exact)</source>
        <translation>变化率在 ± 此百分比以内视为无变化（0 = 严格为零）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="176"/>
        <source>Synergy assessment of control units between two years</source>
        <translation>管控单元两个年份间的协同性评价</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="203"/>
        <source>{species} emission grid, base year</source>
        <translation>{species} 排放清单网格（基准年）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="206"/>
        <source>{species} emission grid, target year</source>
        <translation>{species} 排放清单网格（目标年）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="210"/>
        <source>Sector grids of the base year (species and sector from the file metadata or names like co2_2020_power)</source>
        <translation>基准年分部门排放清单网格（排放物种和部门取自文件元数据或形如 co2_2020_power 的名称）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="219"/>
        <source>Assessed units</source>
        <translation>已评价的管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="221"/>
        <source>Unit table</source>
        <translation>单元表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="375"/>
        <source>Folder for the charts (PNG)</source>
        <translation>图表输出文件夹（PNG）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="263"/>
        <source>Give both a base and a target year.</source>
        <translation>请同时指定基准年和目标年。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="237"/>
        <source>Reading {species} {period} grid &apos;{name}&apos;</source>
        <translation>正在读取 {species} {period} 排放清单网格“{name}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="329"/>
        <source>Sector assessment: totals, shares, growth and Boston matrix</source>
        <translation>部门评价：总量、占比、增长率与波士顿矩阵</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="330"/>
        <source>Takes sector grids (power, industry, residential, transport, agriculture or any other names) of a base year and, optionally, a target year. The species, year and sector of each grid are read from its metadata (SPECIES, YEAR, SECTOR) or its name (e.g. co2_2020_power.tif); grids without a sector are totals. Every grid must lie on the same grid. The table lists per sector and species the totals, share of the total, rank, and with a target year the change, growth rate and Boston matrix group: star 明星 (share ≥ split, growing), question mark 问题 (small share, growing), cash cow 金牛 (large share, not growing), dog 瘦狗 (small share, not growing); the share split defaults to the mean share of the sectors, the growth split to 0. With a target year, a second table holds the synergy metrics of the sectors (elasticities, coordinates, quadrants, coordination degree and grade, index, normalised over the sectors). Give control units to count only the emissions under them (the city), otherwise the whole grid counts.</source>
        <translation>读取基准年（及可选的目标年）的分部门排放清单网格（电力、工业、居民生活、交通、农业或其他任意名称）。各网格的排放物种、年份和部门取自其元数据（SPECIES、YEAR、SECTOR）或名称（如 co2_2020_power.tif）；未标明部门的网格视为总量网格。所有排放清单网格必须位于同一网格上。结果表按部门和排放物种列出排放总量、占总量比例、排名；指定目标年时还列出变化量、增长率和波士顿矩阵分组：明星（占比 ≥ 分界值，增长）、问题（占比小，增长）、金牛（占比大，未增长）、瘦狗（占比小，未增长）；占比分界值默认为各部门的平均占比，增长率分界值默认为 0。指定目标年时，第二张表给出各部门的协同性指标（弹性系数、协同控制效应坐标、象限、耦合协调度及协调等级、协同指数，均在各部门间归一化）。指定管控单元时仅统计其范围内（全市）的排放，否则统计整个网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="345"/>
        <source>Sector grids of the base year</source>
        <translation>基准年分部门排放清单网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="347"/>
        <source>Sector grids of the target year</source>
        <translation>目标年分部门排放清单网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="350"/>
        <source>Base year (empty: from the grids)</source>
        <translation>基准年（留空则取自排放清单网格）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="352"/>
        <source>Target year (empty: from the grids)</source>
        <translation>目标年（留空则取自排放清单网格）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="354"/>
        <source>Count only the emissions under these control units</source>
        <translation>仅统计这些管控单元范围内的排放</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="359"/>
        <source>BCG: large share from (%; empty = mean share)</source>
        <translation>波士顿矩阵：大占比分界值（%；留空 = 各部门平均占比）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="359"/>
        <source>BCG: growing above (% growth)</source>
        <translation>波士顿矩阵：增长分界值（增长率 %）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="359"/>
        <source>BCG: share of</source>
        <translation>波士顿矩阵：占比所用年份</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="368"/>
        <source>Sector table</source>
        <translation>部门表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="370"/>
        <source>Sector synergy table</source>
        <translation>部门协同性表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="373"/>
        <source>Sector table (CSV)</source>
        <translation>部门表（CSV）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="404"/>
        <source>Reading {species} {period} {sector} grid &apos;{name}&apos;</source>
        <translation>正在读取 {species} {period} {sector} 排放清单网格“{name}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="426"/>
        <source>None of the grids names a sector; sector grids are named like co2_2020_power.</source>
        <translation>所有排放清单网格均未标明部门；分部门排放清单网格应按 co2_2020_power 的形式命名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/task.py" line="41"/>
        <source>JWJT synergy atlas</source>
        <translation>JWJT 协同分析图集</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="191"/>
        <source>Atlas (PDF)…</source>
        <translation>图集（PDF）…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="625"/>
        <source>Save atlas</source>
        <translation>保存图集</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="630"/>
        <source>Writing the atlas…</source>
        <translation>正在生成图集…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="659"/>
        <source>Atlas written: {path} ({pages} pages).</source>
        <translation>图集已生成：{path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="38"/>
        <source>Synergy atlas (PDF map book)</source>
        <translation>协同分析图集（PDF）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="55"/>
        <source>Unit sheets for flagged units only</source>
        <translation>仅为已标记单元生成单元图页</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="57"/>
        <source>Atlas template (.qpt; empty: the plugin&apos;s own)</source>
        <translation>图集模板（.qpt；留空则使用插件自带模板）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="59"/>
        <source>Atlas title (empty: from the city field)</source>
        <translation>图集标题（留空则取自城市字段）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="63"/>
        <source>Atlas PDF</source>
        <translation>图集 PDF</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="65"/>
        <source>Number of pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="77"/>
        <source>Atlas written: {pages} pages ({units} unit sheets) in {seconds:.0f} s.</source>
        <translation>图集已生成：共 {pages} 页（{units} 个单元图页），用时 {seconds:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="67"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="68"/>
        <source>import fails: {error}</source>
        <translation>导入失败：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="69"/>
        <source>does not work as the plugin uses it: {error}</source>
        <translation>无法按插件的用法工作：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="70"/>
        <source>lacks shapely 2&apos;s vectorised API ({names}); version {version} looks like shapely 1.x</source>
        <translation>缺少 shapely 2 的向量化接口（{names}）；版本 {version} 看起来是 shapely 1.x</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="72"/>
        <source>STRtree.query does not take a predicate (shapely 1.x)</source>
        <translation>STRtree.query 不接受 predicate 参数（shapely 1.x）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="73"/>
        <source>STRtree.query(predicate=&apos;dwithin&apos;) needs GEOS 3.10 or later; this shapely uses GEOS {geos}</source>
        <translation>STRtree.query(predicate='dwithin') 需要 GEOS 3.10 或更高版本；此 shapely 使用的是 GEOS {geos}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="75"/>
        <source>needs a working shapely 2, which is missing or unusable</source>
        <translation>需要可用的 shapely 2，但它缺失或不可用</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="76"/>
        <source>does not hold shapely 2 geometries (built for shapely 1.x or pygeos)</source>
        <translation>其中的几何对象不是 shapely 2 几何（为 shapely 1.x 或 pygeos 构建）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="78"/>
        <source>GDAL&apos;s numpy bindings (osgeo.gdal_array) fail: {error}</source>
        <translation>GDAL 的 numpy 绑定（osgeo.gdal_array）出错：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="267"/>
        <source>comes with QGIS (GDAL&apos;s bindings are built against it): install your system&apos;s package, e.g. python3-numpy</source>
        <translation>随 QGIS 提供（GDAL 绑定基于它编译）：请安装系统软件包，例如 python3-numpy</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="267"/>
        <source>comes with QGIS: install your system&apos;s GDAL Python bindings, e.g. python3-gdal</source>
        <translation>随 QGIS 提供：请安装系统的 GDAL Python 绑定，例如 python3-gdal</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="51"/>
        <source>Installed, but something is still unusable: see the log.</source>
        <translation>已安装，但仍有组件不可用：请查看日志。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="53"/>
        <source>The installer did not accept its arguments: see the log.</source>
        <translation>安装程序不接受所给参数：请查看日志。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="55"/>
        <source>pip is not available for QGIS&apos;s Python: the log says how to get it.</source>
        <translation>QGIS 的 Python 没有可用的 pip：日志中说明了获取方法。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="57"/>
        <source>pip failed: see the log (no connection, or no matching wheel in the folder).</source>
        <translation>pip 执行失败：请查看日志（无网络连接，或文件夹中没有匹配的 wheel 文件）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="59"/>
        <source>The folder {target} is not writable.</source>
        <translation>文件夹 {target} 不可写。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="61"/>
        <source>The installer stopped with exit code {code}: see the log.</source>
        <translation>安装程序以退出码 {code} 结束：请查看日志。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="81"/>
        <source>Installing JWJT&apos;s Python packages</source>
        <translation>正在安装 JWJT 所需的 Python 包</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="139"/>
        <source>JWJT: install Python packages</source>
        <translation>JWJT：安装 Python 包</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="168"/>
        <source>JWJT needs these Python packages, which QGIS&apos;s Python ({python}) lacks or cannot use. They are installed into {target}, a folder only JWJT puts on its path; QGIS&apos;s own packages (numpy, GDAL) are left as they are.</source>
        <translation>JWJT 需要以下 Python 包，而 QGIS 的 Python（{python}）缺少或无法使用它们。它们将安装到 {target}，该文件夹只由 JWJT 加入搜索路径；QGIS 自带的包（numpy、GDAL）保持不变。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="173"/>
        <source>JWJT needs these Python packages, but QGIS&apos;s Python interpreter was not found, so JWJT cannot run pip itself. Run the command below in a terminal with the Python QGIS uses (on Windows: the OSGeo4W Shell).</source>
        <translation>JWJT 需要以下 Python 包，但未找到 QGIS 的 Python 解释器，因此 JWJT 无法自行运行 pip。请在终端中用 QGIS 所用的 Python 运行下面的命令（Windows 上请使用 OSGeo4W Shell）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="182"/>
        <source>Package</source>
        <translation>包</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="182"/>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="182"/>
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="126"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="190"/>
        <source>Install from the package index</source>
        <translation>从软件包索引安装</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="192"/>
        <source>Install from a folder of wheel files…</source>
        <translation>从 wheel 文件夹安装…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="213"/>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="217"/>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="221"/>
        <source>Run it in the OSGeo4W Shell, which sets up QGIS&apos;s Python.</source>
        <translation>请在 OSGeo4W Shell 中运行，它会配置好 QGIS 的 Python 环境。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="227"/>
        <source>Cancel installation</source>
        <translation>取消安装</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="230"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="241"/>
        <source>comes with QGIS</source>
        <translation>随 QGIS 提供</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="259"/>
        <source>Command copied to the clipboard.</source>
        <translation>命令已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="262"/>
        <source>Folder of wheel files (.whl)</source>
        <translation>wheel 文件（.whl）所在文件夹</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="325"/>
        <source>Some Python packages JWJT needs are missing or unusable: {names}.</source>
        <translation>JWJT 所需的部分 Python 包缺失或不可用：{names}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="327"/>
        <source>Install…</source>
        <translation>安装…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="368"/>
        <source>Installation cancelled.</source>
        <translation>安装已取消。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="370"/>
        <source>Could not run the installer: {error}</source>
        <translation>无法运行安装程序：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="395"/>
        <source>Installed. JWJT is ready: its panels and Processing tools work now, without restarting QGIS.</source>
        <translation>安装完成，JWJT 已就绪：面板和处理工具现在即可使用，无需重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="400"/>
        <source>Installed, but QGIS has already loaded the old {names} and cannot swap it while running. Restart QGIS to use JWJT.</source>
        <translation>已安装，但 QGIS 已加载旧版 {names}，运行期间无法替换。请重启 QGIS 后使用 JWJT。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="76"/>
        <source>JWJT&apos;s tools are unavailable until these Python packages are installed: {missing}. Run: {command}</source>
        <translation>安装以下 Python 包之前，JWJT 的工具不可用：{missing}。请运行：{command}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="210"/>
        <source>No code or class field</source>
        <translation>无编码或分类字段</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="347"/>
        <source>Not saved: unit {unit} is no longer in the data source of layer &apos;{layer}&apos; (deleted in another session?). Your form is kept.</source>
        <translation>未保存：单元 {unit} 已不在图层“{layer}”的数据源中（是否已在其他会话中删除？）。表单内容已保留。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="354"/>
        <source>Field &apos;{field}&apos;: you loaded &quot;{loaded}&quot;, the database now has &quot;{current}&quot;, your new value is &quot;{new}&quot;.</source>
        <translation>字段“{field}”：您载入时为“{loaded}”，数据库中现为“{current}”，您的新值为“{new}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/access_editor_dock.py" line="360"/>
        <source>Not saved: unit {unit} was changed in another session since you loaded it, and nothing was overwritten. Your form is kept: copy what you need, then click the unit again to load the current values.</source>
        <translation>未保存：自您载入以来，单元 {unit} 已在其他会话中被修改，未覆盖任何内容。表单内容已保留：请复制所需内容，然后再次点击该单元以载入当前值。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="346"/>
        <source>Site on the map</source>
        <translation>地图上选定的场地</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="210"/>
        <source>More grids of the base or the target year, totals or sectors (species, year and sector from the file metadata or names like so2_2035 or co2_2020_power; grids of other years are not used)</source>
        <translation>基准年或目标年的其他排放清单网格，总量或分部门均可（排放物种、年份和部门取自文件元数据或 so2_2035、co2_2020_power 形式的名称；其他年份的网格不使用）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="41"/>
        <source>Same as &apos;Units of the grid values&apos;</source>
        <translation>与“网格值的单位”相同</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="116"/>
        <source>Units of the {species} grid</source>
        <translation>{species} 网格值的单位</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="119"/>
        <source>Field of the {species} fishnet that holds the values</source>
        <translation>{species} 渔网图层中存放排放值的字段</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/grid_picker.py" line="51"/>
        <source>as below</source>
        <translation>同下</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/grid_picker.py" line="52"/>
        <source>Units of this grid&apos;s values; &apos;as below&apos; uses &apos;Grid values in&apos;.</source>
        <translation>该网格值的单位；选择“同下”则使用“网格值的单位”中的设置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="112"/>
        <source>control units</source>
        <translation>环境管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="112"/>
        <source>ecological red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="113"/>
        <source>permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="114"/>
        <source>urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="114"/>
        <source>administrative boundary</source>
        <translation>行政区划边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="115"/>
        <source>element zones</source>
        <translation>要素管控分区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="115"/>
        <source>emission grid</source>
        <translation>排放网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="116"/>
        <source>other layer</source>
        <translation>其他图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="94"/>
        <source>A check is running.</source>
        <translation>检查正在运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="147"/>
        <source>Choose at least one plan layer (red line, farmland or urban development boundary).</source>
        <translation>请至少选择一个规划图层（生态保护红线、永久基本农田或城镇开发边界）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/qa_panel.py" line="103"/>
        <source>Ready to check.</source>
        <translation>可以开始检查。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/plan_panel.py" line="184"/>
        <source>Unit classes, separated by commas: names or numbers (1 priority protection, 2 key control, 3 general control).</source>
        <translation>单元类别，以逗号分隔：可填名称或编号（1 优先保护，2 重点管控，3 一般管控）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="109"/>
        <source>{term} units</source>
        <translation>{term}单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="100"/>
        <source>t/yr</source>
        <translation>吨/年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="371"/>
        <source>kg/yr</source>
        <translation>千克/年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="371"/>
        <source>kt/yr</source>
        <translation>千吨/年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="371"/>
        <source>Mt/yr</source>
        <translation>百万吨/年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="372"/>
        <source>kg/m²/s</source>
        <translation>千克/(平方米·秒)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="382"/>
        <source>{value} {units}</source>
        <translation>{value} {units}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="384"/>
        <source>{low}–{high} {units}</source>
        <translation>{low}–{high} {units}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/styles.py" line="519"/>
        <source>No emissions (transparent)</source>
        <translation>无排放（透明）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book_content.py" line="99"/>
        <source>CO2 density</source>
        <translation>CO2 排放强度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="104"/>
        <source>t/km²</source>
        <translation>吨/平方千米</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="108"/>
        <source>{what} ({unit})</source>
        <translation>{what}（{unit}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="116"/>
        <source>{year}-{month}-{day}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="129"/>
        <source>Grid &apos;{name}&apos;; {total} {unit} in the cells under the units.</source>
        <translation>排放清单网格“{name}”；管控单元范围内网格合计 {total} {unit}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="138"/>
        <source>{species} per grid cell ({unit})</source>
        <translation>{species} 网格排放量（{unit}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="154"/>
        <source>Coincidence cells: CO2 top {k} % cells that are also pollutant hotspots</source>
        <translation>协同网格：同时为污染物热点的 CO2 排放量前 {k}% 网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="166"/>
        <source>CO2 top {k} % cells, not pollutant hotspots ({n})</source>
        <translation>CO2 排放量前 {k}% 网格，非污染物热点（{n}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="48"/>
        <source>top {k} % of cells</source>
        <translation>前 {k}% 网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="48"/>
        <source>Logarithmic x axis: the top few % of cells hold most of the emissions.</source>
        <translation>横轴为对数坐标：排名靠前的少数网格集中了大部分排放。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="246"/>
        <source>Total in the ranked cells</source>
        <translation>参与排序网格的总量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="248"/>
        <source>Total under the units</source>
        <translation>管控单元范围内总量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="257"/>
        <source>Notes and sources</source>
        <translation>编制说明与数据来源</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="261"/>
        <source>Who prepared this atlas, from which data and by which method; what the analysis reported.</source>
        <translation>编制单位、数据来源、技术方法及分析过程提示。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="265"/>
        <source>Prepared by</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="269"/>
        <source>(not stated)</source>
        <translation>（未注明）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="273"/>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="278"/>
        <source>{species}: {name}, year {year}</source>
        <translation>{species}：{name}，{year} 年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="279"/>
        <source>{species}: {name}, year not stated</source>
        <translation>{species}：{name}，年份未注明</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="283"/>
        <source>Control units: {n} units in the given layer</source>
        <translation>环境管控单元：所给图层共 {n} 个单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="63"/>
        <source>Method</source>
        <translation>技术方法</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="291"/>
        <source>The emission grids are overlaid with the control units by exact cell areas (the grids are not resampled); cells are ranked by CO2; coincidence cells are CO2 top cells that are also pollutant hotspots; a unit is flagged by the share of coincidence cells in it (parameters below).</source>
        <translation>排放清单网格与环境管控单元按网格精确面积叠加（网格不重采样）；按 CO2 排放量对网格排序；协同网格为同时属于污染物热点的 CO2 高排放网格；按协同网格在单元中的占比标记单元（参数见下）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="298"/>
        <source>Pollution and carbon reduction synergy control · map atlas</source>
        <translation>减污降碳协同管控 · 图集</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="302"/>
        <source>{units} environmental control units, {sheets} unit sheets</source>
        <translation>环境管控单元 {units} 个，单元图 {sheets} 幅</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="307"/>
        <source>Prepared by: {organisation}</source>
        <translation>编制单位：{organisation}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="311"/>
        <source>Date: {date}</source>
        <translation>编制日期：{date}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="315"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="319"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="323"/>
        <source>The sections of the atlas and the sheet of every control unit, with their pages.</source>
        <translation>图集各部分及各管控单元图的页码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="327"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="327"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="327"/>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="331"/>
        <source>Overview maps</source>
        <translation>总体图</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="335"/>
        <source>Control unit sheets</source>
        <translation>管控单元图</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/texts.py" line="339"/>
        <source>Location</source>
        <translation>位置示意</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="67"/>
        <source>Base year emissions (t/yr)</source>
        <translation>基准年排放量（吨/年）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="92"/>
        <source>Only grids of {year} are ticked: load or tick the grids of a second year (e.g. co2_2035.tif).</source>
        <translation>仅勾选了 {year} 年的网格：请加载或勾选第二个年份的网格（如 co2_2035.tif）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="96"/>
        <source>The base and the target year are both {year}: choose two different years.</source>
        <translation>基准年与目标年均为 {year}：请选择两个不同的年份。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="102"/>
        <source>No grid for year {year} of {species}: every method compares against it.</source>
        <translation>缺少 {species} 的 {year} 年网格：所有方法都以它为比较基准。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="109"/>
        <source>No grid for year {year} of {species}: its changes stay empty.</source>
        <translation>缺少 {species} 的 {year} 年网格：其变化值将留空。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="152"/>
        <source>Coupling degree C</source>
        <translation>耦合度 C</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="223"/>
        <source>Export unit table…</source>
        <translation>导出单元表…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="325"/>
        <source>Ready: {n} grids of {base} and {target}.</source>
        <translation>就绪：{base} 年与 {target} 年共 {n} 个网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="361"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="394"/>
        <source>Coordination D with: {form}.</source>
        <translation>耦合协调度 D 采用：{form}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="424"/>
        <source>Saved: {file} (in {folder})</source>
        <translation>已保存：{file}（位于 {folder}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="476"/>
        <source>Export unit table</source>
        <translation>导出单元表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/assessment_dock.py" line="503"/>
        <source>Coordination grades of the units</source>
        <translation>单元耦合协调等级</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="76"/>
        <source>Logarithmic x axis</source>
        <translation>横轴对数坐标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/concentration_chart.py" line="78"/>
        <source>The top few % of cells hold most of the emissions: a logarithmic axis spreads them out. Untick for a linear axis.</source>
        <translation>排名靠前的少数网格集中了大部分排放，对数坐标可将其展开显示。取消勾选则使用线性坐标。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="96"/>
        <source>Code or name, e.g. 2511 or 炼油</source>
        <translation>代码或名称，如 2511 或 炼油</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="188"/>
        <source>Red line, farmland, urban boundary</source>
        <translation>生态保护红线、永久基本农田、城镇开发边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="223"/>
        <source>National economic industry classification GB/T 4754-2017: type a code (门类 letter, 2–4 digits) or part of a name.</source>
        <translation>国民经济行业分类 GB/T 4754-2017：输入代码（门类字母或 2–4 位数字）或名称的一部分。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="225"/>
        <source>Industry (GB/T 4754)</source>
        <translation>行业（GB/T 4754）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="230"/>
        <source>A relocation (搬迁) counts as new construction at the new site.</source>
        <translation>搬迁项目在新址按新建项目对待。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="96"/>
        <source>Kind of project</source>
        <translation>建设性质</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="240"/>
        <source>On the map</source>
        <translation>在地图上</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="240"/>
        <source>Typed coordinates</source>
        <translation>输入坐标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="240"/>
        <source>Boundary file</source>
        <translation>边界文件</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="241"/>
        <source>Site</source>
        <translation>选址</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="249"/>
        <source>Draw a polygon</source>
        <translation>绘制多边形</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="259"/>
        <source>lon, lat — e.g. 121.55, 29.87; more pairs for a polygon</source>
        <translation>经度, 纬度——如 121.55, 29.87；多边形给多对</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="280"/>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="88"/>
        <source>Boundary files (*.shp *.geojson *.json *.kml *.kmz *.dxf *.gpkg);;All files (*)</source>
        <translation>边界文件 (*.shp *.geojson *.json *.kml *.kmz *.dxf *.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="298"/>
        <source>Type the coordinates and choose their system; GCJ-02 (web maps) is converted to WGS 84.</source>
        <translation>输入坐标并选择坐标系；GCJ-02（网络地图）坐标将转换为 WGS 84。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="298"/>
        <source>Choose a boundary file; its polygons make the site.</source>
        <translation>选择边界文件；其中的面要素构成选址范围。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="379"/>
        <source>Type the coordinates of the site first.</source>
        <translation>请先输入选址坐标。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="389"/>
        <source>Choose a boundary file first.</source>
        <translation>请先选择边界文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/query_panel.py" line="453"/>
        <source>Query {number}; control units touched: {n}.</source>
        <translation>查询 {number}；涉及管控单元：{n} 个。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="47"/>
        <source>Coincidence cells are the top {k} % of cells by CO2 that are also pollutant hotspots under the coincidence rule.</source>
        <translation>协同网格：CO2 排放量前 {k}% 的网格中，按协同判定规则同时属于污染物热点的网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="50"/>
        <source>{mark} = flagged as a synergy hotspot (class A): the unit has coincidence cells, and they cover at least {area} % of its area (coincidence share ≥ {area} %) or hold at least {co2} % of its CO2 (CO2 in coincidence cells ≥ {co2} %).</source>
        <translation>{mark} = 标记为协同热点（A 类）：单元内有协同网格，且协同网格覆盖单元面积不低于 {area}%（协同网格面积占比 ≥ {area}%），或容纳单元 CO2 排放不低于 {co2}%（协同网格内 CO2 占比 ≥ {co2}%）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="54"/>
        <source>A synergy hotspot: flagged (see Flag).</source>
        <translation>A 协同热点：已标记（见“标记”）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="54"/>
        <source>B carbon hotspot only: not A; the top {k} % CO2 cells cover ≥ {area} % of the unit's area or hold ≥ {co2} % of its CO2.</source>
        <translation>B 仅碳排放热点：非 A 类；CO2 前 {k}% 网格覆盖单元面积 ≥ {area}%，或容纳单元 CO2 排放 ≥ {co2}%。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="54"/>
        <source>C pollutant hotspot only: neither A nor B; pollutant hotspot cells cover ≥ {area} % of its area or hold ≥ {co2} % of its {pollutant}.</source>
        <translation>C 仅污染物热点：非 A、B 类；污染物热点网格覆盖单元面积 ≥ {area}%，或容纳单元 {pollutant} 排放 ≥ {co2}%。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="54"/>
        <source>D no hotspot: none of these.</source>
        <translation>D 非热点：以上均不满足。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="61"/>
        <source>Environmental control unit code (HJZHGKDYBM): ZH + 6-digit county code + class digit + 4-digit serial.</source>
        <translation>环境管控单元编码（HJZHGKDYBM）：ZH + 6 位县级行政区划代码 + 1 位分类码 + 4 位顺序码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="64"/>
        <source>Environmental control unit name (HJZHGKDYMC).</source>
        <translation>环境管控单元名称（HJZHGKDYMC）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="65"/>
        <source>Control class</source>
        <translation>管控单元分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="65"/>
        <source>Control unit class (ZHGKDYFL): 1 priority protection, 2 key control, 3 general control.</source>
        <translation>环境管控单元分类（ZHGKDYFL）：1 优先保护，2 重点管控，3 一般管控。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="69"/>
        <source>{species} emitted in the unit, t/yr = Σ over grid cells of (cell {species} × share of the cell's area inside the unit); exact area weights at the unit's boundary.</source>
        <translation>单元内 {species} 排放量（吨/年）= Σ（网格 {species} 排放量 × 该网格落在单元内的面积比例）；单元边界处按精确面积权重分配。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="73"/>
        <source>Coincidence share = area of the unit in coincidence cells ÷ unit area (the part of the unit the grid covers).</source>
        <translation>协同网格面积占比 = 单元内协同网格的面积 ÷ 单元面积（网格覆盖的部分）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="76"/>
        <source>CO2 in coincidence cells = the unit's CO2 in coincidence cells ÷ the unit's CO2.</source>
        <translation>协同网格内 CO2 占比 = 单元位于协同网格内的 CO2 排放量 ÷ 单元 CO2 排放总量。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="104"/>
        <source>Unknown class</source>
        <translation>分类未知</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="105"/>
        <source>{class_name} unit</source>
        <translation>{class_name}单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="187"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="187"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="239"/>
        <source>Flagged: synergy hotspot (class A)</source>
        <translation>已标记：协同热点（A 类）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/results_model.py" line="239"/>
        <source>Not flagged</source>
        <translation>未标记</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="90"/>
        <source>Other years ({years})</source>
        <translation>其他年份（{years}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="253"/>
        <source>The atlas is being written.</source>
        <translation>正在生成图集。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="522"/>
        <source>Synergy results (协同分析结果)</source>
        <translation>协同分析结果</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="176"/>
        <source>Flagged only</source>
        <translation>仅显示已标记</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="177"/>
        <source>Show only the units flagged as synergy hotspots (class A).</source>
        <translation>仅显示标记为协同热点（A 类）的管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="180"/>
        <source>Show the units of one synergy class only.</source>
        <translation>仅显示某一协同分类的管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="181"/>
        <source>All synergy classes</source>
        <translation>全部协同分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="185"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="186"/>
        <source>Write the table as shown (filtered and sorted) to a CSV file that Excel opens with its Chinese text intact.</source>
        <translation>将当前显示的表格（已筛选、排序）导出为 CSV 文件，Excel 打开时中文不乱码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="253"/>
        <source>No results yet: run the analysis.</source>
        <translation>暂无结果：请运行分析。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="272"/>
        <source>{shown} of {total} units shown</source>
        <translation>显示 {total} 个单元中的 {shown} 个</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="288"/>
        <source>Export the units table</source>
        <translation>导出管控单元表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="293"/>
        <source>Units table (CSV)</source>
        <translation>管控单元表（CSV）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="301"/>
        <source>Could not write &apos;{path}&apos;: {error}</source>
        <translation>无法写入“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="303"/>
        <source>Table written to {path} ({n} units).</source>
        <translation>表格已写入 {path}（{n} 个单元）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="56"/>
        <source>Checks whether a proposed project may be sited at a point or polygon. The project is a national industry code (GB/T 4754-2017, e.g. 2511, 3110, 3011; else the chosen preset) and its kind (new, reconstruction, expansion, relocation; a relocation counts as new construction at the site). The site is a boundary file (SHP, GeoJSON, KML, DXF …), else typed coordinates (CGCS2000, WGS 84, or GCJ-02 of web maps, converted to WGS 84), else the site layer's selected feature (the first one by feature id) or its first feature. A point is looked up in the control unit that contains it; a polygon, or a point with a buffer, in every unit it overlaps, with the overlap area and share of the site. The four-dimension access list of each unit is split into sentences, each read for what it prohibits (禁止, 严禁, 不得 …), restricts or conditions (限制, 原则上, 须, 应, 等量/减量置换 …) or encourages, and for its scope: the industries named (mapped to codes), the project kinds (新建, 扩建, 新增产能 …), exceptions (除…外), conditions, places (inside the red line, outside the parks) and capacity thresholds. Verdict: fail when the site touches an ecological protection red line or permanent basic farmland, or an unconditional prohibition covers the project; restricted access when a condition or conditional prohibition binds it, an industrial project lies in a priority-protection unit, or a residential/commercial site lies outside the urban development boundary; more information needed when the site touches no unit, a unit lacks its class or requirement text, the code is too coarse for a sentence, a sentence depends on capacity, or on a red line no layer was given for; pass otherwise. Every reason quotes the sentence and says which part applies and why. The report (numbered JWJT-YYYYMMDD-NNN and dated) is written as HTML and, optionally, as PDF with a site map.</source>
        <translation>检查拟建项目能否选址于某点或某范围。项目以国民经济行业分类代码（GB/T 4754-2017，如 2511、3110、3011；未填时用所选的预设行业）及建设性质（新建、改建、扩建、搬迁；搬迁在新址按新建对待）描述。选址取边界文件（SHP、GeoJSON、KML、DXF 等），其次为输入的坐标（CGCS2000、WGS 84，或网络地图的 GCJ-02，转换为 WGS 84），再次为选址图层中选中的要素（按要素 ID 取第一个）或其第一个要素。点查询其所在的管控单元；多边形或带缓冲的点查询与其重叠的所有单元，并给出重叠面积及占选址比例。各单元四个维度的准入清单被拆分为句子，逐句判读其禁止（禁止、严禁、不得……）、限制或设定条件（限制、原则上、须、应、等量/减量置换……）或鼓励的内容及其范围：所涉行业（对应行业代码）、建设性质（新建、扩建、新增产能……）、除外情形（除……外）、条件、适用区域（生态保护红线内、园区外）及规模门槛。结论：选址涉及生态保护红线或永久基本农田，或有无条件的禁止性条款涵盖本项目时为“不通过”；有条件或附条件的禁止性条款约束本项目、工业项目位于优先保护单元、或居住/商业用地位于城镇开发边界外时为“受限准入”；选址未落入任何单元、单元缺少分类或管控要求文本、行业代码过粗、条款取决于项目规模或取决于未提供图层的生态保护红线时为“待补充信息”；否则为“通过”。每条理由均引用原句并说明适用的部分及原因。报告（编号 JWJT-YYYYMMDD-NNN 并注明日期）输出为 HTML，可选输出附选址位置图的 PDF。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="83"/>
        <source>Site coordinates (x, y; three or more pairs for a polygon)</source>
        <translation>选址坐标（x, y；多边形给三对及以上）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="85"/>
        <source>Coordinate system of the typed coordinates</source>
        <translation>输入坐标的坐标系</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="88"/>
        <source>Site boundary file (SHP, GeoJSON, KML, DXF …)</source>
        <translation>选址边界文件（SHP、GeoJSON、KML、DXF 等）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="94"/>
        <source>Industry code (GB/T 4754-2017; overrides the industry above)</source>
        <translation>行业代码（GB/T 4754-2017；优先于上面的行业）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="109"/>
        <source>CRS of a boundary file without one (DXF)</source>
        <translation>无坐标系的边界文件（DXF）的坐标系</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="109"/>
        <source>Query date (YYYY-MM-DD; today when empty)</source>
        <translation>查询日期（YYYY-MM-DD；留空为今天）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="109"/>
        <source>Query serial number (1–999; derived from the query when empty)</source>
        <translation>查询序号（1–999；留空时由查询内容生成）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="133"/>
        <source>Query number</source>
        <translation>查询编号</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="152"/>
        <source>boundary file {file}</source>
        <translation>边界文件 {file}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="157"/>
        <source>coordinates {coordinates}</source>
        <translation>坐标 {coordinates}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="159"/>
        <source>Give the site: a site layer, typed coordinates or a boundary file.</source>
        <translation>请给出选址：选址图层、输入坐标或边界文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/access_query_algorithm.py" line="172"/>
        <source>The query date &apos;{date}&apos; is not a date of the form YYYY-MM-DD.</source>
        <translation>查询日期“{date}”不是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="149"/>
        <source>Coupling degree C in D = √(C·T)</source>
        <translation>D = √(C·T) 中的耦合度 C</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/assessment_algorithm.py" line="177"/>
        <source>Sums the emission grids of a base and a target year over the control units (exact area weights, computed once for all grids; every grid must lie on the same grid) and adds to each unit: totals of both years, share of the city total, change (t and rate), rank, and between the two years: elasticity Els = (ΔE/E of the pollutant) / (ΔE/E of CO2); synergy coordinates x = CO2 reduction rate, y = pollutant reduction rate, with the quadrant (I both fall, II pollutant falls while CO2 rises, III both rise, IV CO2 falls while the pollutant rises, or on an axis); coupling coordination D = √(C·T), T = αU1 + βU2 with U the reduction rates min–max normalised over the units, and the grade of D in ten 0.1 steps from 极度失调 (D ≤ 0.1) to 优质协调 (D &gt; 0.9); D_ALL pairs CO2 with the mean U of the pollutants; the synergy index SYN_IDX is the mean U of CO2 and the pollutants. A value that cannot be computed (zero base, missing grid, CO2 unchanged) is left empty and its *_NOTE field says why. Optional sector grids add each unit's dominant CO2 sector. The coupling degree C is either the normative traditional form C = n·(ΠUᵢ)^(1/n)/ΣUᵢ or the corrected form of Wang Shujia et al. 2021 (自然资源学报 36(3):793–810), C = √{[1 − Σ|Uᵢ − Uⱼ| / Σm] · [Π(Uᵢ/max U)]^(1/(n−1))}, which spreads the values the traditional form crowds near 1; the field C_FORM and the summary say which one was used.</source>
        <translation>将基准年与目标年的排放清单网格按管控单元汇总（精确面积权重，对所有网格只计算一次；所有排放清单网格必须位于同一网格上），并为每个单元添加：两个年份的排放总量、占全市总量的比例、变化量（t 及变化率）、排名，以及两个年份之间的：弹性系数 Els = （污染物的 ΔE/E）/（CO2 的 ΔE/E）；协同控制效应坐标 x = CO2 减排率，y = 污染物减排率，及其所在象限（I 二者均下降，II 污染物下降而 CO2 上升，III 二者均上升，IV CO2 下降而污染物上升，或位于坐标轴上）；耦合协调度 D = √(C·T)，T = αU1 + βU2，其中 U 为各单元减排率经 min–max 归一化后的值，D 的协调等级按 0.1 的步长分为十级，从极度失调（D ≤ 0.1）到优质协调（D &gt; 0.9）；D_ALL 将 CO2 与各污染物 U 的均值配对计算；协同指数 SYN_IDX 为 CO2 与各污染物 U 的均值。无法计算的值（基准为零、缺少网格、CO2 无变化）留空，并在对应的 *_NOTE 字段中说明原因。可选的分部门排放清单网格为每个单元添加其 CO2 排放的主导部门。耦合度 C 可选传统模型的规范形式 C = n·(ΠUᵢ)^(1/n)/ΣUᵢ，或王淑佳等 2021（自然资源学报 36(3):793–810）的修正形式 C = √{[1 − Σ|Uᵢ − Uⱼ| / Σm] · [Π(Uᵢ/max U)]^(1/(n−1))}，后者使传统形式集中在 1 附近的值分布更开；字段 C_FORM 与摘要注明所用形式。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="39"/>
        <source>Runs the synergy analysis (same inputs and parameters as &apos;Flag synergy units&apos;) and writes its map atlas as one PDF with a cover (title, area, organisation, date), a contents page and PDF bookmarks: maps of the CO2, NOx and VOCs grids, of the CO2 top-k % cells, of the coincidence cells, of the units by class and of the flagged units; the concentration curve and table; notes and sources (organisation, data sources and years, CRS, method and parameters); then one sheet per unit (or per flagged unit) with a map of the unit over the CO2 grid and a locator map, its indicators and its environmental access list in four dimensions. Long access lists continue on the next page. The layout comes from a QGIS layout template (.qpt) that can be edited in the layout designer; leave the template empty to use the plugin&apos;s own (resources/atlas/jwjt_atlas.qpt).</source>
        <translation>运行协同分析（输入与参数同“标记协同管控单元”），并将其图集输出为一个 PDF，含封面（标题、区域、编制单位、日期）、目录页和 PDF 书签：CO2、NOx 与 VOCs 排放清单网格图，CO2 前 k% 网格图，协同网格图，管控单元分类图和已标记单元图；排放集中度曲线与表；编制说明与数据来源（编制单位、数据来源及年份、坐标参考系、技术方法与参数）；随后为每个单元（或每个已标记单元）生成一页，包含单元叠加 CO2 网格的地图及位置示意图、单元指标及四个维度的生态环境准入清单。准入清单过长时续排至下一页。版式来自可在布局设计器中编辑的 QGIS 布局模板（.qpt）；模板留空则使用插件自带模板（resources/atlas/jwjt_atlas.qpt）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/atlas_algorithm.py" line="61"/>
        <source>Prepared by (organisation, printed on the cover and in the notes)</source>
        <translation>编制单位（印于封面及编制说明）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="193"/>
        <source>Organisation (编制单位)</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_results.py" line="194"/>
        <source>Printed on the atlas cover and in its notes; kept in the project.</source>
        <translation>印在图集封面和编制说明中，随工程保存。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layer_roles.py" line="115"/>
        <source>townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_dock.py" line="15"/>
        <source>Unit delineation (单元划定)</source>
        <translation>管控单元划定</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="106"/>
        <source>Delineate units</source>
        <translation>划定单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_dock.py" line="21"/>
        <source>Synergy zones and proposals</source>
        <translation>协同区与调整建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="65"/>
        <source>Element zone layers</source>
        <translation>要素管控分区图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="203"/>
        <source>Administrative boundary (counties)</source>
        <translation>行政区界线（县级）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="71"/>
        <source>Boundaries to fit to</source>
        <translation>拟合边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="73"/>
        <source>Minimum unit area</source>
        <translation>最小单元面积</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="75"/>
        <source>Minimum unit width</source>
        <translation>最小单元宽度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="217"/>
        <source>Merge adjacent pieces</source>
        <translation>相邻图斑合并方式</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="274"/>
        <source>Class of a boundary polygon</source>
        <translation>边界图斑的管控类别</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="84"/>
        <source>Threshold share</source>
        <translation>阈值占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="188"/>
        <source>Precedence tables (*.json)</source>
        <translation>优先级规则表 (*.json)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="87"/>
        <source>Empty: priority &gt; key &gt; general (any priority zone makes a priority unit).</source>
        <translation>留空：优先保护 &gt; 重点管控 &gt; 一般管控（含任一优先保护分区即为优先保护单元）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="192"/>
        <source>Precedence table</source>
        <translation>优先级规则表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="101"/>
        <source>Empty: temporary layers. A GeoPackage gets the units and their correspondence table.</source>
        <translation>留空：临时图层。保存为 GeoPackage 时同时写入单元及其对应关系表。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="103"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="149"/>
        <source>A delineation is running.</source>
        <translation>单元划定正在运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="151"/>
        <source>Tick the layers of element zones (要素管控分区) to delineate from.</source>
        <translation>请勾选用于划定的要素管控分区图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="154"/>
        <source>Choose the administrative boundary (counties).</source>
        <translation>请选择行政区界线（县级）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="156"/>
        <source>Choose the boundaries to fit the zones to (townships …).</source>
        <translation>请选择拟合所用的边界（乡镇等）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="99"/>
        <source>Delineated control units</source>
        <translation>划定的环境管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="169"/>
        <source>Ready to delineate.</source>
        <translation>可以开始划定。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="231"/>
        <source>Delineating…</source>
        <translation>正在划定……</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="254"/>
        <source>{n} units delineated; they are in the layer &apos;{name}&apos;.</source>
        <translation>已划定 {n} 个单元，位于图层“{name}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="263"/>
        <source>Delineated units ({method})</source>
        <translation>划定的单元（{method}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="269"/>
        <source>Unit–zone correspondence</source>
        <translation>单元—分区对应关系</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dock_registry.py" line="74"/>
        <source>Unit delineation panel</source>
        <translation>单元划定面板</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="70"/>
        <source>Synergy control zones</source>
        <translation>减污降碳协同重点管控区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="53"/>
        <source>Outline</source>
        <translation>边界形态</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="91"/>
        <source>Make synergy zones</source>
        <translation>生成协同区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="104"/>
        <source>Synergy zones</source>
        <translation>协同区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="120"/>
        <source>Propose</source>
        <translation>生成建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="134"/>
        <source>Apply accepted</source>
        <translation>应用已采纳的建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="136"/>
        <source>Applies the ticked proposals to the unit layer as one undoable edit.</source>
        <translation>将勾选的建议作为一次可撤销的编辑应用到单元图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="126"/>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="126"/>
        <source>Proposal</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="126"/>
        <source>Covered</source>
        <translation>覆盖比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="126"/>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="176"/>
        <source>A run is going.</source>
        <translation>正在运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="171"/>
        <source>Run the synergy analysis first (Synergy analysis panel): its coincidence cells become the zones.</source>
        <translation>请先运行协同分析（协同分析面板）：其重合网格将生成协同区。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="180"/>
        <source>Make the synergy zones, or choose a layer of them.</source>
        <translation>请生成协同区，或选择协同区图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="188"/>
        <source>Ready to propose.</source>
        <translation>可以生成建议。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="207"/>
        <source>Making synergy zones…</source>
        <translation>正在生成协同区……</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="221"/>
        <source>Synergy control zones (减污降碳协同重点管控区)</source>
        <translation>减污降碳协同重点管控区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="250"/>
        <source>Proposing…</source>
        <translation>正在生成建议……</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="268"/>
        <source>No unit needs a change: the synergy zones cover no unit enough.</source>
        <translation>没有单元需要调整：协同区对各单元的覆盖均不足。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="321"/>
        <source>Apply accepted ({n})</source>
        <translation>应用已采纳的建议（{n}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="345"/>
        <source>Apply {n} synergy proposals</source>
        <translation>应用 {n} 条协同调整建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="355"/>
        <source>Applied {n} proposals (undo with Ctrl+Z).</source>
        <translation>已应用 {n} 条建议（可按 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="39"/>
        <source>Counties (行政区)</source>
        <translation>县级行政区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="39"/>
        <source>Townships (乡镇)</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="40"/>
        <source>Ecology zones (生态)</source>
        <translation>生态要素管控分区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="40"/>
        <source>Air zones (大气环境)</source>
        <translation>大气环境管控分区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="41"/>
        <source>Water zones (水环境)</source>
        <translation>水环境管控分区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="41"/>
        <source>Soil zones (土壤环境)</source>
        <translation>土壤环境管控分区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="85"/>
        <source>Element zones and boundaries (要素管控分区)</source>
        <translation>要素管控分区与边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/base.py" line="82"/>
        <source>Unit delineation</source>
        <translation>单元划定</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="87"/>
        <source>Element zone layers (要素管控分区)</source>
        <translation>要素管控分区图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="91"/>
        <source>Class precedence table (JSON; priority &gt; key &gt; general when empty)</source>
        <translation>管控类别优先级规则表（JSON；留空为优先保护 &gt; 重点管控 &gt; 一般管控）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="94"/>
        <source>Province name (field PROV)</source>
        <translation>省份名称（字段 PROV）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="94"/>
        <source>City name (field CITY)</source>
        <translation>地市名称（字段 CITY）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="101"/>
        <source>Unit–zone correspondence table</source>
        <translation>单元—要素管控分区对应关系表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="104"/>
        <source>Number of units</source>
        <translation>单元数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="171"/>
        <source>The correspondence table is in {path} as &apos;{table}&apos;.</source>
        <translation>对应关系表已写入 {path}，表名“{table}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="187"/>
        <source>Delineate control units by overlay of element zones (叠加法)</source>
        <translation>叠加法划定环境管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="188"/>
        <source>Builds environmental control units from the element control zones of every element (ecology, air, water, soil, resource use) within the administrative boundary. The zones and the counties are overlaid; each piece takes its class by the precedence table (by default: any priority-protection zone makes a priority-protection unit, else any key-control zone a key-control unit, else general control); pieces of one county are merged as chosen; pieces below the minimum area or narrower than the minimum width are merged into the neighbour of the same county with the longest shared boundary, preferring the same class. Units never cross a county boundary and cover the administrative area exactly. Codes follow the national rule (ZH + 6-digit county code + class digit + 4-digit serial, serials north to south, west to east), names are county + dominant zone + 单元 + serial. The correspondence table lists, for every unit, the element zones it came from and their area shares; it is also written into the units' GeoPackage. Your layers are not changed.</source>
        <translation>在行政区范围内，由各环境要素（生态、大气、水、土壤、资源利用）的要素管控分区叠加生成环境管控单元。分区与县级行政区叠加后，每个图斑按优先级规则表确定类别（默认：含任一优先保护分区为优先保护单元，否则含任一重点管控分区为重点管控单元，其余为一般管控单元）；同一县内的图斑按所选方式合并；面积小于最小面积或宽度小于最小宽度的图斑并入同县内公共边界最长的相邻单元，优先并入同类别单元。单元不跨县级行政区，且恰好覆盖行政区范围。编码按国家规则（ZH + 6 位县级代码 + 类别码 + 4 位序号，序号自北向南、自西向东），名称为县名 + 主导分区 + 单元 + 序号。对应关系表列出每个单元来源的要素管控分区及其面积占比，并同时写入单元所在的 GeoPackage。您的图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="205"/>
        <source>County code field (6 digits; auto-detect when empty)</source>
        <translation>县级代码字段（6 位；留空自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="208"/>
        <source>County name field (auto-detect when empty)</source>
        <translation>县级名称字段（留空自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="214"/>
        <source>Minimum unit width (m; 0 = no sliver check)</source>
        <translation>最小单元宽度（米；0 表示不检查狭长图斑）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="250"/>
        <source>Delineate control units by fitting element zones to boundaries (拟合法)</source>
        <translation>拟合法划定环境管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="251"/>
        <source>Fits the element control zones to existing boundaries (townships, parks, catchments): every boundary polygon becomes one unit. Its class is the class whose zones cover the largest share of it (area majority; ties go to the stricter class), or the strictest class whose zones cover at least the threshold share (precedence with a threshold). The county comes from the first six digits of the boundary code, else from the administrative layer. Codes, names and the correspondence table as for the overlay delineation. Your layers are not changed.</source>
        <translation>将要素管控分区拟合到现有边界（乡镇、园区、流域）：每个边界图斑成为一个单元。其类别为覆盖面积占比最大的分区类别（面积占优；并列时取更严格的类别），或覆盖占比不低于阈值的最严格类别（带阈值的优先级）。所属县由边界编码前 6 位确定，否则由行政区图层确定。编码、名称和对应关系表与叠加法相同。您的图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="262"/>
        <source>Boundaries to fit to (townships, parks …)</source>
        <translation>拟合边界（乡镇、园区等）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="265"/>
        <source>Boundary code field (auto-detect when empty)</source>
        <translation>边界编码字段（留空自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="268"/>
        <source>Boundary name field (auto-detect when empty)</source>
        <translation>边界名称字段（留空自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="271"/>
        <source>Administrative boundary (counties, when the codes do not say)</source>
        <translation>行政区界线（县级，编码无法确定所属县时使用）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="276"/>
        <source>Threshold share for precedence (%)</source>
        <translation>优先级阈值占比（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="34"/>
        <source>Synergy control zones from coincidence cells (减污降碳协同重点管控区)</source>
        <translation>由重合网格生成减污降碳协同重点管控区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="35"/>
        <source>Runs the synergy analysis (the same inputs and rules as Flag synergy units) and turns its coincidence cells (top-k % CO2 cells that are also NOx / VOCs hotspots) into polygons: connected cells are dissolved into one zone, holes below the given area are filled, parts below the given area are dropped, and the zones may be generalised off the cell staircase. The result is a new element-zone layer (HJYS 减污降碳协同, YSXL 减污降碳协同重点管控区, class 2 key control) with the emissions and the share of each species' total every zone holds. Use it as an element layer for the delineation or to propose changes to the existing units.</source>
        <translation>运行协同分析（输入和规则与“标识协同单元”相同），并将重合网格（CO2 排放前 k% 且为 NOx / VOCs 热点的网格）转为面：相连网格融合为一个分区，小于给定面积的孔洞被填充，小于给定面积的分区被舍弃，分区边界可去除网格锯齿。结果为新的要素管控分区图层（HJYS 减污降碳协同，YSXL 减污降碳协同重点管控区，类别 2 重点管控），含各分区的排放量及其占各物种总量的比例。可作为要素图层参与单元划定，或用于对现有单元提出调整建议。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="47"/>
        <source>Fill holes smaller than (m²)</source>
        <translation>填充小于此面积的孔洞（平方米）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="50"/>
        <source>Drop zones smaller than (m²)</source>
        <translation>舍弃小于此面积的分区（平方米）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="55"/>
        <source>Cells that touch only at a corner</source>
        <translation>仅以角点相接的网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="55"/>
        <source>Separate zones</source>
        <translation>作为不同分区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="55"/>
        <source>One zone</source>
        <translation>作为同一分区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_zones_algorithm.py" line="61"/>
        <source>Number of zones</source>
        <translation>分区数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="56"/>
        <source>Propose unit changes from synergy control zones</source>
        <translation>根据协同区提出单元调整建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="57"/>
        <source>Overlays synergy control zones with the current control units and proposes, per unit: to reclassify a general-control unit mostly covered by the zones as key control; to split a general-control unit partly covered along the zone boundary; or to add synergy requirements to its access list (measures of the library for the industries the unit&apos;s name and requirements mention, and general measures). Priority-protection units only get requirements. Nothing is changed: review the proposals in the delineation panel and apply the accepted ones there, as one undo step.</source>
        <translation>将减污降碳协同重点管控区与现有环境管控单元叠加，逐单元提出建议：大部分被协同区覆盖的一般管控单元调整为重点管控；部分被覆盖的一般管控单元沿协同区边界拆分；或在其准入清单中补充协同管控要求（措施库中与单元名称和要求所涉行业对应的措施及通用措施）。优先保护单元只补充要求。不做任何修改：请在单元划定面板中审核建议，并将采纳的建议作为一次撤销步骤应用。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="72"/>
        <source>Reclassify a general unit covered at least (%)</source>
        <translation>一般管控单元被覆盖不少于此比例时调整类别（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="75"/>
        <source>Split a general unit covered at least (%)</source>
        <translation>一般管控单元被覆盖不少于此比例时拆分（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="78"/>
        <source>Both parts of a split at least (m²)</source>
        <translation>拆分后两部分面积均不少于（平方米）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="81"/>
        <source>Add requirements to units covered at least (%)</source>
        <translation>单元被覆盖不少于此比例时补充要求（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="84"/>
        <source>Measures table (CSV; the bundled library when empty)</source>
        <translation>措施表（CSV；留空使用内置措施库）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="88"/>
        <source>Unit proposals</source>
        <translation>单元调整建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/unit_proposals_algorithm.py" line="90"/>
        <source>Number of proposals</source>
        <translation>建议数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="80"/>
        <source>1. Synergy control zones</source>
        <translation>1. 减污降碳协同重点管控区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="83"/>
        <source>Holes in a zone smaller than this are filled.</source>
        <translation>分区内小于此面积的孔洞将被填充。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="84"/>
        <source>Fill holes below</source>
        <translation>填充孔洞面积上限</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="86"/>
        <source>Zones smaller than this are dropped.</source>
        <translation>小于此面积的分区将被舍弃。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="87"/>
        <source>Drop zones below</source>
        <translation>舍弃分区面积上限</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="95"/>
        <source>2. Proposals for the units</source>
        <translation>2. 单元调整建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="106"/>
        <source>A general-control unit covered by synergy zones at least this much becomes key control.</source>
        <translation>被协同区覆盖不少于此比例的一般管控单元调整为重点管控。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="108"/>
        <source>Reclassify from</source>
        <translation>调整类别的覆盖比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="110"/>
        <source>A general-control unit covered at least this much (and less than the reclassify share) is split along the zone boundary.</source>
        <translation>被覆盖不少于此比例（且低于调整类别比例）的一般管控单元沿协同区边界拆分。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="112"/>
        <source>Split from</source>
        <translation>拆分的覆盖比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="114"/>
        <source>Both parts of a split must be at least this large; else only requirements are proposed.</source>
        <translation>拆分后两部分均须不小于此面积，否则只建议补充要求。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="116"/>
        <source>Smallest part of a split</source>
        <translation>拆分后最小部分面积</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="118"/>
        <source>Units covered at least this much get synergy measures for their access list.</source>
        <translation>被覆盖不少于此比例的单元在准入清单中补充协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="119"/>
        <source>Requirements from</source>
        <translation>补充要求的覆盖比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="132"/>
        <source>Tick all</source>
        <translation>全部勾选</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="133"/>
        <source>Untick all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/proposals_panel.py" line="323"/>
        <source>Tick those to apply ({n} ticked); click one to see it on the map.</source>
        <translation>请勾选要应用的建议（已勾选 {n} 条）；点击一条可在地图上查看。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="91"/>
        <source>Writes the precedence table in use (the file chosen, else the default) to a new JSON file to edit and load again.</source>
        <translation>将当前使用的优先级规则表（所选文件，否则为默认规则）写入新的 JSON 文件，便于编辑后重新加载。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="188"/>
        <source>Save precedence table</source>
        <translation>保存优先级规则表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="198"/>
        <source>Precedence table saved to {path}.</source>
        <translation>优先级规则表已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/delineation_panel.py" line="90"/>
        <source>Save the table in use…</source>
        <translation>保存当前规则表……</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="80"/>
        <source>distributed {version} needs dask {version}, but dask {dask} is installed</source>
        <translation>distributed {version} 需要 dask {version}，但已安装的是 dask {dask}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/dependencies.py" line="82"/>
        <source>lacks what JWJT&apos;s Dask backend calls ({names})</source>
        <translation>缺少 JWJT 的 Dask 后端所调用的接口（{names}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="201"/>
        <source>Also install Dask (distributed runs)</source>
        <translation>同时安装 Dask（分布式运行）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="202"/>
        <source>dask and distributed, for runs on a Dask cluster (the scheduler address in Processing and the command line). Not needed for runs on this computer.</source>
        <translation>dask 与 distributed，用于在 Dask 集群上运行（在 Processing 和命令行中填写调度器地址）。仅在本机运行时不需要。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dependency_dialog.py" line="391"/>
        <source>Installed. JWJT is ready, but {names} cannot be imported yet: restart QGIS for distributed runs.</source>
        <translation>已安装。JWJT 已可使用，但 {names} 暂时无法导入：请重启 QGIS 以进行分布式运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="188"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="194"/>
        <source>All cores ({n})</source>
        <translation>全部核心（{n} 个）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="200"/>
        <source>Threads the analysis runs on; the result is the same with any number. Fewer threads leave cores and memory to other programs.</source>
        <translation>分析所用的线程数；线程数不同，结果完全相同。线程越少，留给其他程序的核心和内存越多。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="202"/>
        <source>Worker threads</source>
        <translation>工作线程数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="69"/>
        <source>Overlays emission grids with environmental control units (exact area weights at unit boundaries; the grids are never resampled, the units are brought to the grid CRS). Ranks cells by CO2 and takes the top k % by count; finds NOx / VOCs hotspots (the same top-k % rule, or Getis–Ord Gi*); coincidence cells are CO2 top cells that are also pollutant hotspots under the chosen rule. Each unit gets per-species totals (t/yr) and densities (t/km²), the count and area share of coincidence cells, the share of its CO2 and NOx held in them, a flag and a synergy class: A synergy hotspot, B carbon hotspot only, C pollutant hotspot only, D no hotspot. A unit is flagged when coincidence cells cover at least the given share of its area or hold at least the given share of its CO2. The concentration table states how much of each species the top-k % CO2 cells hold. Grid files larger than 64 million cells are read from disk strip by strip. Worker threads (advanced; 0 uses every core) and a Dask scheduler address (advanced; a cluster whose workers see the files at the same paths) change how fast the run is, never its result.</source>
        <translation>将排放清单网格与环境管控单元叠加（单元边界处按精确面积权重分配；排放清单网格不做重采样，而是将管控单元转换到网格的坐标参考系）。按 CO2 排放量对网格排序，取数量上前 k% 的网格；识别 NOx / VOCs 热点（同样取前 k% 网格，或采用 Getis–Ord Gi* 热点分析）；协同网格指同时满足所选判定规则的污染物热点的 CO2 前 k% 网格。每个管控单元输出各排放物种的排放总量（吨/年）与排放强度（吨/平方千米）、协同网格的个数及面积占比、单元 CO2 与 NOx 排放中位于协同网格内的比例、标记及协同分类：A 协同热点，B 仅碳排放热点，C 仅污染物热点，D 非热点。当协同网格覆盖单元面积达到给定比例，或容纳单元 CO2 排放达到给定比例时，该单元被标记。排放集中度表给出 CO2 前 k% 网格容纳的各排放物种占比。超过 6400 万个网格的栅格文件不整体读入内存，而是从磁盘按行条带分块读取。工作线程数（高级参数；0 表示使用全部核心）和 Dask 调度器地址（高级参数；集群各工作节点须能在相同路径下访问这些文件）只影响运行速度，不改变结果。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="137"/>
        <source>Worker threads (0: all cores)</source>
        <translation>工作线程数（0：全部核心）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/synergy_algorithm.py" line="139"/>
        <source>Dask scheduler address (empty: run in this process)</source>
        <translation>Dask 调度器地址（留空：在本进程内运行）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/plugin.py" line="100"/>
        <source>Install Dask for distributed runs…</source>
        <translation>安装 Dask（分布式运行）…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="489"/>
        <source>JWJT: re-flag the units</source>
        <translation>JWJT：重新标识管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/synergy_dock.py" line="493"/>
        <source>Re-flagging: this reads the grids again…</source>
        <translation>正在重新标识：需要再次读取网格……</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="61"/>
        <source>Industrial park carbon assessment (产业园区碳排放评价)</source>
        <translation>产业园区碳排放评价</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="62"/>
        <source>Accounts the CO2 of the enterprises of industrial parks from their activity data and adds it up per park and scenario, by source as the accounting guidelines report it: fuel combustion (E = AD × NCV × CC × OF × 44/12), industrial processes, purchased electricity (the grid factor of the scenario's year) and purchased heat; direct = combustion + process, indirect = electricity + heat. Enterprises belong to the park their park field names, else to the park polygon that holds their point. The activity table has one row per enterprise, scenario (e.g. 2020, 2025, 2035), item (a fuel, process, electricity or heat of the factor table, 增加值 / 产值, or a pollutant NOx, SO2, VOCs, PM2.5), amount and unit; units are converted (万吨, 万立方米, 万千瓦时 …). The indicators (total and direct CO2, CO2 per 万元 value added and per km², change against the base scenario, share of the largest enterprise) are judged against the benchmarks table; pollutants give the co-control metrics between the base and the target scenario, emission grids named like co2_2020 a cross-check of the accounted totals inside each park, the measures library the suggested access-list requirements. Outputs: the parks with one field per scenario (CO2_2020 total, DIR_2020 direct, IND_2020 indirect, INT_VA_2020 intensity …) and the indicator counts (N_PASS, N_FAIL, STATUS), the enterprises likewise, and the XLSX workbook with every table and the factors used. Your layers and tables are not changed.</source>
        <translation>根据企业活动水平数据核算产业园区内企业的二氧化碳排放，并按园区和情景汇总，按核算指南的口径分源报告：化石燃料燃烧（E = AD × NCV × CC × OF × 44/12）、工业生产过程、净购入电力（采用情景年份的电网排放因子）和净购入热力；直接排放 = 燃烧 + 过程，间接排放 = 电力 + 热力。企业归属其所属园区字段所指的园区，否则归属其点位所在的园区面。活动水平表每行为一个企业、情景（如 2020、2025、2035）、项目（因子表中的燃料、过程、电力或热力，增加值 / 产值，或污染物 NOx、SO2、VOCs、PM2.5）、数量和单位；单位自动换算（万吨、万立方米、万千瓦时……）。评价指标（碳排放总量和直接排放量、单位增加值碳排放（tCO2/万元）和单位面积碳排放（tCO2/km²）、相对基准情景的变化率、最大排放企业占比）与评价基准表比较；污染物用于计算基准情景与目标情景之间的减污降碳协同指标，名称如 co2_2020 的排放网格用于校核各园区范围内的核算总量，措施库用于生成生态环境准入清单建议。输出：每个情景一组字段的园区图层（CO2_2020 总量、DIR_2020 直接排放、IND_2020 间接排放、INT_VA_2020 强度……）及指标计数（N_PASS、N_FAIL、STATUS），企业图层同理，以及包含全部结果表和所用排放因子的 XLSX 工作簿。不修改您的图层和表格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="81"/>
        <source>Industrial parks (polygons)</source>
        <translation>产业园区（面）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="83"/>
        <source>Park id field (auto-detect when empty)</source>
        <translation>园区编号字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="83"/>
        <source>Park name field (auto-detect when empty)</source>
        <translation>园区名称字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="83"/>
        <source>Field of the park&apos;s control-unit codes (optional)</source>
        <translation>园区所含管控单元编码字段（可选）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="88"/>
        <source>Enterprises (points, or a table with a park field)</source>
        <translation>企业（点，或含所属园区字段的表）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="91"/>
        <source>Enterprise id field (auto-detect when empty)</source>
        <translation>企业编号字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="91"/>
        <source>Enterprise name field (auto-detect when empty)</source>
        <translation>企业名称字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="91"/>
        <source>Industry field (auto-detect when empty)</source>
        <translation>行业字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="91"/>
        <source>Park field of the enterprises (empty: by location)</source>
        <translation>企业所属园区字段（留空则按位置判断）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="97"/>
        <source>Activity table (enterprise, scenario, item, amount, unit)</source>
        <translation>活动水平表（企业、情景、项目、数量、单位）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="100"/>
        <source>Base scenario</source>
        <translation>基准情景</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="101"/>
        <source>Target scenario (empty: the last one)</source>
        <translation>目标情景（留空则取最后一个）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="103"/>
        <source>Emission factor table (empty: the shipped one)</source>
        <translation>排放因子表（留空则用内置表）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="118"/>
        <source>Tables (*.csv *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="106"/>
        <source>Benchmarks table (optional)</source>
        <translation>评价基准表（可选）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="109"/>
        <source>Measures library (empty: the shipped one)</source>
        <translation>措施库（留空则用内置库）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="109"/>
        <source>Tables (*.csv *.gpkg);;All files (*)</source>
        <translation>表格 (*.csv *.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="112"/>
        <source>Emission grids for the cross-check (named like co2_2020, nox_2035; t per cell and year)</source>
        <translation>用于校核的排放网格（文件名如 co2_2020、nox_2035；单位：吨/网格·年）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="115"/>
        <source>Synergy flags layer (units with SYN_FLAG = 1 are hotspots)</source>
        <translation>协同识别结果图层（SYN_FLAG = 1 的单元为协同热点）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="118"/>
        <source>Scenario scale table (planning scenarios as factors on a scenario&apos;s activity; optional)</source>
        <translation>情景推算表（以某一情景活动水平乘以系数推算规划情景；可选）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="118"/>
        <source>Largest enterprises listed per park</source>
        <translation>每个园区列出的最大排放企业数</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="118"/>
        <source>Cross-check: accounted / grid differs beyond ± (%)</source>
        <translation>网格校核：核算量/网格量偏差超过 ±（%）视为不一致</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="128"/>
        <source>Park carbon assessment</source>
        <translation>园区碳排放评价</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="130"/>
        <source>Enterprise carbon emissions</source>
        <translation>企业碳排放</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="133"/>
        <source>Workbook (XLSX)</source>
        <translation>工作簿（XLSX）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="133"/>
        <source>XLSX files (*.xlsx)</source>
        <translation>XLSX 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="135"/>
        <source>Report pages (PDF)</source>
        <translation>报告页（PDF）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="181"/>
        <source>Reading the {species} grid of {scenario} &apos;{name}&apos;</source>
        <translation>正在读取 {scenario} 年 {species} 网格“{name}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="268"/>
        <source>Writing the workbook {path}</source>
        <translation>正在写出工作簿 {path}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/park_carbon_algorithm.py" line="283"/>
        <source>Writing the report pages {path}</source>
        <translation>正在写出报告页 {path}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/dock_registry.py" line="74"/>
        <source>Industrial park carbon assessment panel</source>
        <translation>产业园区碳排放评价面板</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="115"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="117"/>
        <source>Assess parks</source>
        <translation>评价园区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="138"/>
        <source>Empty: found by its accepted names</source>
        <translation>留空：按可识别的字段名自动查找</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="138"/>
        <source>Empty: each enterprise belongs to the park polygon holding its point</source>
        <translation>留空：按企业点位所在的园区面归属</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="101"/>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="152"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="155"/>
        <source>Activity table</source>
        <translation>活动水平表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="158"/>
        <source>shipped table</source>
        <translation>内置因子表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="159"/>
        <source>Emission factors</source>
        <translation>排放因子</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="160"/>
        <source>Open the shipped factor table</source>
        <translation>打开内置排放因子表</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="164"/>
        <source>Benchmarks</source>
        <translation>评价基准</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="166"/>
        <source>shipped library</source>
        <translation>内置措施库</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="170"/>
        <source>Grids (cross-check)</source>
        <translation>排放网格（交叉核验）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="172"/>
        <source>Synergy flags</source>
        <translation>协同热点图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="176"/>
        <source>Scenarios and outputs</source>
        <translation>情景与输出</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="180"/>
        <source>the last one</source>
        <translation>最后一个情景</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="182"/>
        <source>Target scenario</source>
        <translation>目标情景</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="184"/>
        <source>temporary file</source>
        <translation>临时文件</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="242"/>
        <source>Choose the parks layer.</source>
        <translation>请选择园区图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="244"/>
        <source>Choose the enterprises layer or table.</source>
        <translation>请选择企业图层或企业表。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="246"/>
        <source>Choose the activity table (load the CSV or XLSX as a layer).</source>
        <translation>请选择活动水平表（将 CSV 或 XLSX 作为图层加载）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="248"/>
        <source>Give the base scenario (e.g. 2020).</source>
        <translation>请填写基准情景（如 2020）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="255"/>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="285"/>
        <source>Assessing the parks…</source>
        <translation>正在评价园区…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="314"/>
        <source>{n} parks assessed, scenarios {base} → {target}. Workbook: {path}</source>
        <translation>已评价 {n} 个园区，情景 {base} → {target}。工作簿：{path}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="43"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="43"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="35"/>
        <source>Total CO2 (t)</source>
        <translation>CO2 总量（吨）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="35"/>
        <source>Direct (t)</source>
        <translation>直接排放（吨）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="35"/>
        <source>Indirect (t)</source>
        <translation>间接排放（吨）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="35"/>
        <source>tCO2 per 万元</source>
        <translation>吨CO2/万元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="35"/>
        <source>tCO2 per km²</source>
        <translation>吨CO2/平方公里</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="35"/>
        <source>Largest enterprise</source>
        <translation>最大排放企业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="43"/>
        <source>Benchmark</source>
        <translation>基准值</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="43"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="49"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="49"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="104"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="123"/>
        <source>Unit layer</source>
        <translation>管控单元图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="132"/>
        <source>Insert accepted into the access list…</source>
        <translation>将已接受的建议写入准入清单…</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="187"/>
        <source>Tick the suggestions to insert and choose the unit layer.</source>
        <translation>请勾选要写入的建议并选择管控单元图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="191"/>
        <source>Insert into the access list</source>
        <translation>写入准入清单</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="191"/>
        <source>Append {n} accepted requirements to the access list of layer &apos;{layer}&apos;? (one undo step; the layer stays in edit mode)</source>
        <translation>将 {n} 条已接受的要求追加到图层“{layer}”的准入清单？（一步撤销；图层保持编辑状态）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="199"/>
        <source>Insert {n} park requirements</source>
        <translation>写入 {n} 条园区要求</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_results.py" line="206"/>
        <source>{n} fields changed (undo with Ctrl+Z).</source>
        <translation>已修改 {n} 个字段（可用 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="43"/>
        <source>Park id</source>
        <translation>园区编号</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="43"/>
        <source>Park name</source>
        <translation>园区名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="43"/>
        <source>Unit codes</source>
        <translation>管控单元编码</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="46"/>
        <source>Enterprise id</source>
        <translation>企业编号</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="46"/>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/park_dock.py" line="46"/>
        <source>Park field</source>
        <translation>所属园区字段</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="86"/>
        <source>Industrial parks (产业园区)</source>
        <translation>产业园区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="42"/>
        <source>Park enterprises (园区企业)</source>
        <translation>园区企业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/gui/sample_city.py" line="43"/>
        <source>Park activity data (活动水平)</source>
        <translation>园区活动水平数据</translation>
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
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Priority protection</source>
        <translation>优先保护</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Key control</source>
        <translation>重点管控</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>General control</source>
        <translation>一般管控</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="52"/>
        <source>Grid &apos;{name}&apos; is rotated or sheared; only north-up grids are supported.</source>
        <translation>网格“{name}”存在旋转或错切；仅支持正北朝上的网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="58"/>
        <source>Grid &apos;{name}&apos; has an invalid cell size ({dx}, {dy}).</source>
        <translation>网格“{name}”的网格单元大小无效（{dx}, {dy}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="109"/>
        <source>Grid &apos;{name}&apos; has no CRS. Assign one (Layer Properties &gt; Source) and run again.</source>
        <translation>网格“{name}”没有坐标参考系。请为其指定坐标参考系（图层属性 &gt; 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="142"/>
        <source>Grid &apos;{name}&apos;: array shape {shape} does not match the grid ({rows} x {cols}).</source>
        <translation>网格“{name}”：数组形状 {shape} 与网格（{rows} x {cols}）不符。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster_source.py" line="180"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold NaN; they are treated as nodata.</source>
        <translation>网格“{name}”：{n} 个网格单元的值为 NaN，已按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster_source.py" line="183"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold infinite values; they are treated as nodata.</source>
        <translation>网格“{name}”：{n} 个网格单元的值为无穷大，已按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster_source.py" line="186"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold negative values (min {vmin:g}); they are treated as nodata.</source>
        <translation>网格“{name}”：{n} 个网格单元的值为负（最小值 {vmin:g}），已按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="339"/>
        <source>No emission grid was given.</source>
        <translation>未提供排放清单网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="367"/>
        <source>Grids &apos;{a}&apos; and &apos;{b}&apos; are in different CRSs.</source>
        <translation>网格“{a}”与“{b}”的坐标参考系不同。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="72"/>
        <source>k must be between 0 and 100 %, not {k}.</source>
        <translation>k 必须介于 0 到 100% 之间，当前为 {k}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/hotspots.py" line="60"/>
        <source>Unknown denominator &apos;{d}&apos;.</source>
        <translation>未知的计算基数“{d}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/hotspots.py" line="108"/>
        <source>The Gi* neighbourhood radius must be at least 1 cell.</source>
        <translation>Gi* 邻域半径至少为 1 个网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/hotspots.py" line="113"/>
        <source>Grid &apos;{name}&apos; has fewer than 3 valid cells; Gi* cannot be computed.</source>
        <translation>网格“{name}”的有效网格单元少于 3 个，无法计算 Gi*。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/hotspots.py" line="119"/>
        <source>Grid &apos;{name}&apos; holds the same value in every cell; Gi* is undefined.</source>
        <translation>网格“{name}”所有网格单元的值均相同，Gi* 无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/overlay.py" line="321"/>
        <source>An array of shape {shape} does not match the grid ({rows} x {cols}).</source>
        <translation>形状为 {shape} 的数组与网格（{rows} x {cols}）不符。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/_common.py" line="41"/>
        <source>&apos;{name}&apos;: the file declares no units; values are taken as t/yr per cell. Give the units explicitly if that is wrong.</source>
        <translation>“{name}”：文件未声明单位，数值按每网格单元 吨/年 处理。如有误，请明确指定单位。</translation>
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
        <location filename="../jwjt_plugin/core/units_io.py" line="85"/>
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
        <location filename="../jwjt_plugin/core/readers/raster.py" line="38"/>
        <source>File &apos;{path}&apos; could not be opened as a raster: {reason}</source>
        <translation>无法将文件“{path}”作为栅格打开：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="57"/>
        <source>Raster &apos;{path}&apos; has no band {band} (it has {count}).</source>
        <translation>栅格“{path}”没有波段 {band}（共 {count} 个波段）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="79"/>
        <source>Raster &apos;{path}&apos; has no georeferencing (no geotransform); cells cannot be placed.</source>
        <translation>栅格“{path}”没有地理参考（无 geotransform），无法确定网格单元位置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="83"/>
        <source>Raster &apos;{path}&apos; declares no CRS; assign one before overlaying it with vector layers.</source>
        <translation>栅格“{path}”未声明坐标参考系；请先为其指定坐标参考系，再与矢量图层叠加。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="121"/>
        <source>Band {band} of raster &apos;{path}&apos; could not be read: {reason}</source>
        <translation>无法读取栅格“{path}”的波段 {band}：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster_source.py" line="55"/>
        <source>&apos;{name}&apos;: band scale {scale:g} and offset {offset:g} applied.</source>
        <translation>“{name}”：已应用波段缩放系数 {scale:g} 和偏移量 {offset:g}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="250"/>
        <source>EDGAR file &apos;{path}&apos; holds no &apos;lat;lon;emission&apos; data rows.</source>
        <translation>EDGAR 文件“{path}”中没有 'lat;lon;emission' 数据行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="213"/>
        <source>EDGAR file &apos;{path}&apos;, data row {row}: &apos;{value}&apos; is not a number.</source>
        <translation>EDGAR 文件“{path}”第 {row} 个数据行：“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="216"/>
        <source>EDGAR file &apos;{path}&apos; could not be read: {reason}</source>
        <translation>无法读取 EDGAR 文件“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="242"/>
        <source>EDGAR file &apos;{path}&apos;: coordinate convention &apos;{coords}&apos; is unknown; use &apos;lower_left&apos; or &apos;centre&apos;.</source>
        <translation>EDGAR 文件“{path}”：坐标约定“{coords}”未知；请使用 'lower_left' 或 'centre'。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="255"/>
        <source>EDGAR file &apos;{path}&apos;, data row {row}: the coordinates are missing or not finite.</source>
        <translation>EDGAR 文件“{path}”第 {row} 个数据行：坐标缺失或不是有限值。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="275"/>
        <source>EDGAR file '{path}', data row {row}: point ({lat}, {lon}) is not on the {size:g}° lattice of the other cells.</source>
        <translation>EDGAR 文件“{path}”第 {row} 个数据行：点 ({lat}, {lon}) 不在其他网格单元所在的 {size:g}° 格网上。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="288"/>
        <source>&apos;{name}&apos;: {n} cells are absent from the file and set to 0 (EDGAR text files omit cells with zero emission).</source>
        <translation>“{name}”：文件中缺少 {n} 个网格单元，已设为 0（EDGAR 文本文件省略排放为零的网格单元）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="298"/>
        <source>EDGAR file &apos;{path}&apos;: cell size {size} must be positive.</source>
        <translation>EDGAR 文件“{path}”：网格单元大小 {size} 必须为正数。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="311"/>
        <source>'{name}': cell size {size:g}° inferred from the coordinate spacing (EDGAR's grid is 0.1°); give the cell size if that is wrong.</source>
        <translation>“{name}”：根据坐标间距推断网格单元大小为 {size:g}°（EDGAR 网格为 0.1°）；如有误，请指定网格单元大小。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="322"/>
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
        <translation>“{name}”：单位“{units}”有歧义（可能是吨，也可能是兆吨）。请写作 '吨/年' 或 '百万吨/年'。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="101"/>
        <source>&apos;{name}&apos;: units &apos;{units}&apos; are not recognised. Accepted: {accepted}.</source>
        <translation>“{name}”：无法识别单位“{units}”。可用单位：{accepted}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="126"/>
        <source>&apos;{name}&apos;: values in &apos;{units}&apos; read as t/yr (factor {factor:g}).</source>
        <translation>“{name}”：以“{units}”计的数值已换算为 吨/年（系数 {factor:g}）。</translation>
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
        <translation>“{name}”：单位“{units}”为摩尔；将排放物种“{species}”换算为吨需要其摩尔质量（g/mol）。请提供摩尔质量，或改用以 吨/年 计的文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="146"/>
        <source>&apos;{name}&apos;: the molar mass {molar_mass} g/mol of species &apos;{species}&apos; is not a positive number.</source>
        <translation>“{name}”：排放物种“{species}”的摩尔质量 {molar_mass} g/mol 不是正数。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="150"/>
        <source>&apos;{name}&apos;: &apos;{units}&apos; converted to t/yr with a molar mass of {molar_mass:g} g/mol.</source>
        <translation>“{name}”：已按摩尔质量 {molar_mass:g} g/mol 将“{units}”换算为 吨/年。</translation>
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
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Carbon hotspot only</source>
        <translation>仅碳排放热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Pollutant hotspot only</source>
        <translation>仅污染物热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>No hotspot</source>
        <translation>非热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="84"/>
        <source>A CO2 grid is required for the synergy analysis.</source>
        <translation>协同性分析需要 CO2 排放清单网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="90"/>
        <source>The coincidence rule &apos;{rule}&apos; needs a {species} grid, which was not given.</source>
        <translation>协同网格判定规则“{rule}”需要 {species} 排放清单网格，但未提供。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="94"/>
        <source>The coincidence rule &apos;{rule}&apos; needs a NOx or a VOCs grid; neither was given.</source>
        <translation>协同网格判定规则“{rule}”需要 NOx 或 VOCs 排放清单网格，但二者均未提供。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="446"/>
        <source>Rule &apos;NOx or VOCs&apos;: only {species} was given, so hotspots are {species} hotspots.</source>
        <translation>规则“NOx 或 VOCs”：仅提供了 {species} 网格，因此热点即为 {species} 热点。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="64"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>图层“{layer}”没有要素。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="66"/>
        <source>Layer &apos;{layer}&apos; has no CRS. Set its CRS (Layer Properties &gt; Source) and run again.</source>
        <translation>图层“{layer}”没有坐标参考系。请设置其坐标参考系（图层属性 &gt; 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="77"/>
        <source>No unit of layer &apos;{layer}&apos; is selected.</source>
        <translation>图层“{layer}”中未选中任何管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="85"/>
        <source>Layer &apos;{layer}&apos;: {n} units have no geometry and are skipped: {units}.</source>
        <translation>图层“{layer}”：{n} 个管控单元没有几何，已跳过：{units}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="91"/>
        <source>Layer &apos;{layer}&apos; must hold polygons; units {units} are not polygons.</source>
        <translation>图层“{layer}”必须为多边形图层；管控单元 {units} 不是多边形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="99"/>
        <source>Layer &apos;{layer}&apos; has no unit with a geometry.</source>
        <translation>图层“{layer}”中没有带几何的管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="104"/>
        <source>Layer &apos;{layer}&apos;: {n} invalid geometries were repaired for the analysis (your layer is unchanged): {units}.</source>
        <translation>图层“{layer}”：为进行分析，已修复 {n} 个无效几何（原图层未改动）：{units}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="118"/>
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
        <location filename="../jwjt_plugin/core/units.py" line="251"/>
        <source>Layer &apos;{layer}&apos;: {n} pairs of units overlap, so their shared emissions are counted twice: {pairs}.</source>
        <translation>图层“{layer}”：{n} 对管控单元相互重叠，重叠部分的排放被重复计算：{pairs}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="299"/>
        <source>No unit of layer &apos;{layer}&apos; overlaps grid &apos;{grid}&apos;. Check that both are in the right CRS (GCJ-02 web-map coordinates are offset by several hundred metres; a wrong CRS by far more).</source>
        <translation>图层“{layer}”中没有管控单元与网格“{grid}”重叠。请检查二者的坐标参考系是否正确（GCJ-02 网络地图坐标偏移数百米；坐标参考系错误时偏移远大于此）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="307"/>
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
        <location filename="../jwjt_plugin/core/units_io.py" line="101"/>
        <source>&apos;{path}&apos; could not be opened as a vector layer: {reason}</source>
        <translation>无法将“{path}”作为矢量图层打开：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="105"/>
        <source>&apos;{path}&apos;: the encoding &apos;{encoding}&apos; was ignored; this format stores text as UTF-8.</source>
        <translation>“{path}”：已忽略编码“{encoding}”；该格式以 UTF-8 存储文本。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="229"/>
        <source>&apos;{path}&apos;: the layer&apos;s CRS could not be read; it is left unset.</source>
        <translation>“{path}”：无法读取图层的坐标参考系，保持未设置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="328"/>
        <source>Encoding &apos;{encoding}&apos; given for &apos;{path}&apos; is unknown.</source>
        <translation>为“{path}”指定的编码“{encoding}”未知。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="339"/>
        <source>&apos;{path}&apos;: the code page &apos;{label}&apos; in its .cpg file is unknown; the encoding is guessed.</source>
        <translation>“{path}”：其 .cpg 文件中的代码页“{label}”未知，将自动推测编码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="356"/>
        <source>&apos;{path}&apos; declares no encoding (no .cpg file); its text was read as {encoding}. Choose the encoding if names look garbled.</source>
        <translation>“{path}”未声明编码（无 .cpg 文件），已按 {encoding} 读取文本。如名称显示乱码，请选择正确的编码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="372"/>
        <source>&apos;{path}&apos;: text in &apos;{field}&apos; is not valid {encoding}; undecodable bytes were replaced.</source>
        <translation>“{path}”：字段“{field}”中的文本不是有效的 {encoding}，无法解码的字节已被替换。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="518"/>
        <source>Layer &apos;{layer}&apos; could not be created in &apos;{path}&apos;: {reason}</source>
        <translation>无法在“{path}”中创建图层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="526"/>
        <source>Field &apos;{field}&apos; could not be created in layer &apos;{layer}&apos; of &apos;{path}&apos;: {reason}</source>
        <translation>无法在“{path}”的图层“{layer}”中创建字段“{field}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="532"/>
        <source>A transaction could not be started on &apos;{path}&apos;: {reason}</source>
        <translation>无法在“{path}”上启动事务：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="537"/>
        <source>Layer &apos;{layer}&apos; could not be committed to &apos;{path}&apos;.</source>
        <translation>无法将图层“{layer}”提交到“{path}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="549"/>
        <source>Layer &apos;{layer}&apos; of &apos;{path}&apos; could not be saved: {reason}</source>
        <translation>无法保存“{path}”中的图层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="572"/>
        <source>Row {row} could not be written to layer &apos;{layer}&apos; of &apos;{path}&apos;: {reason}</source>
        <translation>无法将第 {row} 行写入“{path}”的图层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="597"/>
        <source>OGR has no vector driver &apos;{driver}&apos; (writing &apos;{path}&apos;).</source>
        <translation>OGR 中没有矢量驱动“{driver}”（写入“{path}”时）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="604"/>
        <source>&apos;{path}&apos; exists but cannot be opened for writing: {reason}</source>
        <translation>“{path}”已存在，但无法以写入方式打开：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="614"/>
        <source>&apos;{path}&apos; exists and is a {actual} file, not {driver}.</source>
        <translation>“{path}”已存在，且为 {actual} 文件，而不是 {driver} 文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="618"/>
        <source>Layer &apos;{layer}&apos; already exists in &apos;{path}&apos;; choose another name or allow overwriting.</source>
        <translation>“{path}”中已存在图层“{layer}”；请使用其他名称或允许覆盖。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="625"/>
        <source>Folder &apos;{folder}&apos; does not exist (writing &apos;{path}&apos;).</source>
        <translation>文件夹“{folder}”不存在（写入“{path}”时）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="628"/>
        <source>OGR driver &apos;{driver}&apos; cannot create files (&apos;{path}&apos;).</source>
        <translation>OGR 驱动“{driver}”无法创建文件（“{path}”）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="647"/>
        <source>&apos;{path}&apos; could not be opened for writing: {reason}</source>
        <translation>无法以写入方式打开“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="660"/>
        <source>A transaction could not be started on &apos;{path}&apos;.</source>
        <translation>无法在“{path}”上启动事务。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="697"/>
        <source>Layer &apos;{layer}&apos; in &apos;{path}&apos; could not be replaced: {reason}</source>
        <translation>无法替换“{path}”中的图层“{layer}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="706"/>
        <source>Shapefile &apos;{path}&apos; cannot hold field names longer than 10 bytes: {fields} (a Chinese character takes 3). Rename them or write a GeoPackage.</source>
        <translation>Shapefile“{path}”的字段名不能超过 10 个字节：{fields}（每个汉字占 3 个字节）。请重命名这些字段，或改为输出 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="725"/>
        <source>&apos;{path}&apos; could not be created: {reason}</source>
        <translation>无法创建“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/fields.py" line="72"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;; choose another field in the field mapping.</source>
        <translation>图层“{layer}”中没有字段“{field}”，请在字段映射中选择其他字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="346"/>
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
        <translation>“{name}”：以“{units}”计的通量已换算为每个网格单元的 吨/年：通量 × 网格面积 × 31 536 000 s ÷ 1000（使用给定的网格面积）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="170"/>
        <source>'{name}': flux in '{units}' converted to t/yr per cell: flux × geodesic cell area on the ellipsoid × 31 536 000 s ÷ 1000.</source>
        <translation>“{name}”：以“{units}”计的通量已换算为每个网格单元的 吨/年：通量 × 椭球面上的网格面积 × 31 536 000 s ÷ 1000。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/unit_conversion.py" line="173"/>
        <source>'{name}': flux in '{units}' converted to t/yr per cell: flux × planar cell area (dx × dy) × 31 536 000 s ÷ 1000.</source>
        <translation>“{name}”：以“{units}”计的通量已换算为每个网格单元的 吨/年：通量 × 平面网格面积（dx × dy）× 31 536 000 s ÷ 1000。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="74"/>
        <source>Unknown hotspot method &apos;{value}&apos;; use one of {allowed}.</source>
        <translation>未知的热点识别方法“{value}”，请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="74"/>
        <source>Unknown coincidence rule &apos;{value}&apos;; use one of {allowed}.</source>
        <translation>未知的协同网格判定规则“{value}”，请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="74"/>
        <source>Unknown cell domain &apos;{value}&apos;; use one of {allowed}.</source>
        <translation>未知的网格排序范围“{value}”，请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Synergy hotspot</source>
        <translation>协同热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/layers.py" line="113"/>
        <source>Raster layer &apos;{name}&apos; has a data type that cannot be read as emissions.</source>
        <translation>栅格图层“{name}”的数据类型无法作为排放量读取。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Synergy hotspot in a priority-protection unit</source>
        <translation>优先保护单元中的协同热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Synergy hotspot in a key-control unit</source>
        <translation>重点管控单元中的协同热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Synergy hotspot in a general-control unit</source>
        <translation>一般管控单元中的协同热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Synergy hotspot, unit class unknown</source>
        <translation>协同热点（单元分类未知）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/edits.py" line="23"/>
        <source>Layer &apos;{layer}&apos; cannot be edited.</source>
        <translation>图层“{layer}”无法编辑。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/report_pdf.py" line="229"/>
        <source>The PDF report &apos;{path}&apos; could not be written.</source>
        <translation>无法写入 PDF 报告“{path}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Restricted access</source>
        <translation>受限准入</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>More information needed</source>
        <translation>待补充信息</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Spatial layout constraints</source>
        <translation>空间布局约束</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Pollutant and carbon emission control</source>
        <translation>污染物（含碳）排放管控</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Environmental risk prevention</source>
        <translation>环境风险防控</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Resource use efficiency</source>
        <translation>资源开发效率要求</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="201"/>
        <source>Access query for {industry}: {verdict} ({verdict_zh}); {n_units} units touched, {n_clauses} requirement clauses cited.</source>
        <translation>{industry} 准入查询结论：{verdict}（{verdict_zh}）；涉及 {n_units} 个管控单元，引用 {n_clauses} 条准入要求条款。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="257"/>
        <source>Unknown kind of plan layer &apos;{kind}&apos;; use one of: {kinds}.</source>
        <translation>未知的规划图层类型“{kind}”，请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="290"/>
        <source>Layer &apos;{layer}&apos; cannot be brought to the CRS of the control units: {error}</source>
        <translation>图层“{layer}”无法转换到管控单元的坐标参考系：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="303"/>
        <source>The site has no geometry.</source>
        <translation>选址没有几何。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="305"/>
        <source>The buffer distance cannot be negative ({buffer} m).</source>
        <translation>缓冲距离不能为负数（{buffer} m）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="312"/>
        <source>The site must be a point or a polygon.</source>
        <translation>选址必须为点或多边形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="315"/>
        <source>The site is a line; give a buffer distance to query the corridor it occupies.</source>
        <translation>选址为线要素；请指定缓冲距离，以查询其占用的廊道范围。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="323"/>
        <source>The site polygon was invalid and has been repaired for the query.</source>
        <translation>选址多边形无效，已为查询进行修复。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="328"/>
        <source>The site polygon has no area.</source>
        <translation>选址多边形面积为零。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="479"/>
        <source>Layer &apos;{layer}&apos;: {n} invalid geometries near the site were repaired for the query (your layer is unchanged): {features}.</source>
        <translation>图层“{layer}”：为进行查询，已修复选址附近的 {n} 个无效几何（原图层未改动）：{features}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="527"/>
        <source>The site lies inside ecological protection red line {feature} (layer '{layer}'): “{cited}”</source>
        <translation>选址位于生态保护红线 {feature}（图层“{layer}”）内：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="530"/>
        <source>The site lies on permanent basic farmland {feature} (layer '{layer}'): “{cited}”</source>
        <translation>选址位于永久基本农田 {feature}（图层“{layer}”）内：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="534"/>
        <source>The site overlaps ecological protection red line {feature} (layer '{layer}') by {area} m² ({share} of the site): “{cited}”</source>
        <translation>选址与生态保护红线 {feature}（图层“{layer}”）重叠 {area} m²（占选址面积的 {share}）：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="537"/>
        <source>The site overlaps permanent basic farmland {feature} (layer '{layer}') by {area} m² ({share} of the site): “{cited}”</source>
        <translation>选址与永久基本农田 {feature}（图层“{layer}”）重叠 {area} m²（占选址面积的 {share}）：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="563"/>
        <source>Unit {unit} is a priority-protection unit (优先保护), where industrial projects are restricted: “{cited}”</source>
        <translation>单元 {unit} 为优先保护单元，工业项目在此受到限制：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="573"/>
        <source>The site lies outside the urban development boundary (layer '{layer}'), where residential and commercial development is restricted: “{cited}”</source>
        <translation>选址位于城镇开发边界（图层“{layer}”）之外，该区域的居住与商业开发受到限制：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="580"/>
        <source>{share} of the site lies outside the urban development boundary (layer '{layer}'), where residential and commercial development is restricted: “{cited}”</source>
        <translation>选址中有 {share} 位于城镇开发边界（图层“{layer}”）之外，该区域的居住与商业开发受到限制：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="587"/>
        <source>No urban development boundary layer was given, so whether this residential or commercial site lies inside it was not checked.</source>
        <translation>未提供城镇开发边界图层，因此未检查该居住或商业选址是否位于边界内。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="593"/>
        <source>The site touches no control unit of layer '{layer}'; check its location and CRS, or add the units that cover it: “{cited}”</source>
        <translation>选址未涉及图层“{layer}”中的任何管控单元；请检查其位置和坐标参考系，或补充覆盖该选址的单元：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="598"/>
        <source>The field mapping of layer '{layer}' names no field for {dimensions}; map them so the access list can be read: “{cited}”</source>
        <translation>图层“{layer}”的字段映射中没有为 {dimensions} 指定字段；请完成字段映射，以便读取准入清单：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="606"/>
        <source>Unit {unit} has no requirement text for {dimensions}: “{cited}”</source>
        <translation>单元 {unit} 缺少 {dimensions} 的准入要求文本：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="611"/>
        <source>Unit {unit} has no readable class (1/2/3 or 优先/重点/一般): “{cited}”</source>
        <translation>单元 {unit} 的分类无法识别（应为 1/2/3 或 优先/重点/一般）：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="617"/>
        <source>No {plan} layer was given, so it was not checked.</source>
        <translation>未提供{plan}图层，因此未检查该项。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="627"/>
        <source>The site touches no ecological protection red line or permanent basic farmland: “{cited}”</source>
        <translation>选址未涉及生态保护红线或永久基本农田：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="99"/>
        <source>Layer &apos;{layer}&apos; has no features; the rules on it find nothing.</source>
        <translation>图层“{layer}”没有要素，涉及该图层的规则不会发现任何冲突。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="107"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;; choose another code field.</source>
        <translation>图层“{layer}”中没有字段“{field}”，请选择其他编码字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="115"/>
        <source>Layer &apos;{layer}&apos;: {n} features have no geometry and are skipped: {features}.</source>
        <translation>图层“{layer}”：{n} 个要素没有几何，已跳过：{features}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="120"/>
        <source>Layer &apos;{layer}&apos; must hold polygons; features {features} are not polygons.</source>
        <translation>图层“{layer}”必须为多边形图层；要素 {features} 不是多边形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="127"/>
        <source>Layer &apos;{layer}&apos;: {n} invalid geometries were repaired for the check (your layer is unchanged): {features}.</source>
        <translation>图层“{layer}”：为进行检查，已修复 {n} 个无效几何（原图层未改动）：{features}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="137"/>
        <source>Layer &apos;{layer}&apos; cannot be transformed to the CRS of layer &apos;{units}&apos; ({crs}); check the CRS of both layers.</source>
        <translation>图层“{layer}”无法转换到图层“{units}”的坐标参考系（{crs}）；请检查两个图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="140"/>
        <source>Layer &apos;{layer}&apos; is in {src}; its vertices were transformed to the CRS of layer &apos;{units}&apos; ({dst}) for the check.</source>
        <translation>图层“{layer}”的坐标参考系为 {src}；为进行检查，已将其节点转换到图层“{units}”的坐标参考系（{dst}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="234"/>
        <source>The sliver threshold &apos;{name}&apos; must be a number of at least 0, not {value}.</source>
        <translation>碎片阈值“{name}”必须为不小于 0 的数值，当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="255"/>
        <source>No overlap rule was given.</source>
        <translation>未提供重叠规则。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="258"/>
        <source>Unknown plan kind &apos;{kind}&apos;; use one of: {kinds}.</source>
        <translation>未知的规划类型“{kind}”，请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="263"/>
        <source>No spatial-plan layer was given: choose the ecological protection red line, permanent basic farmland or urban development boundary layer.</source>
        <translation>未提供国土空间规划图层：请选择生态保护红线、永久基本农田或城镇开发边界图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="271"/>
        <source>Rule &apos;{rule}&apos; was not checked: it needs a layer of kind &apos;{kind}&apos;.</source>
        <translation>未检查规则“{rule}”：该规则需要类型为“{kind}”的图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="274"/>
        <source>None of the overlap rules can be checked with the plan layers given ({kinds}).</source>
        <translation>根据所提供的规划图层（{kinds}），所有重叠规则均无法检查。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="279"/>
        <source>Layer '{layer}' has no unit class field, which rule '{rule}' needs; choose the field that holds the class (1/2/3 or 优先/重点/一般).</source>
        <translation>图层“{layer}”没有管控单元分类字段，而规则“{rule}”需要该字段；请选择存放分类（1/2/3 或 优先/重点/一般）的字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="293"/>
        <source>Layer &apos;{layer}&apos;: {n} units without a readable class were left out of the class rules: {units}.</source>
        <translation>图层“{layer}”：{n} 个管控单元的分类无法识别，未参与按分类判定的规则：{units}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="323"/>
        <source>Rule '{rule}': {n} sliver(s) ignored (overlaps smaller than {area} m² or narrower than {width} m): {pairs}.</source>
        <translation>规则“{rule}”：已忽略 {n} 处碎片（面积小于 {area} m² 或宽度小于 {width} m 的重叠）：{pairs}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_overlap.py" line="368"/>
        <source>Rule '{rule}': {n} overlaps of layers '{plan}' and '{other}' reach beyond the units of layer '{layer}' ({area} m² in all); only their parts inside units are reported: {pairs}.</source>
        <translation>规则“{rule}”：图层“{plan}”与“{other}”有 {n} 处重叠超出图层“{layer}”的管控单元范围（共 {area} m²）；仅报告其位于单元内的部分：{pairs}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Ecological protection red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="76"/>
        <source>An overlap rule for plan kind &apos;{kind}&apos; has no id.</source>
        <translation>规划类型为“{kind}”的一条重叠规则没有 id。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="80"/>
        <source>Rule &apos;{rule}&apos;: unknown plan kind &apos;{kind}&apos;; use one of: {kinds}.</source>
        <translation>规则“{rule}”：未知的规划类型“{kind}”，请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="84"/>
        <source>Rule &apos;{rule}&apos; must name either the unit classes its plan must not overlap or another plan kind, not both and not neither.</source>
        <translation>规则“{rule}”必须且只能指定以下二者之一：其规划不得重叠的单元分类，或另一规划类型。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="185"/>
        <source>Rule '{rule}': unit class '{value}' is unknown; use 1 (优先保护), 2 (重点管控) or 3 (一般管控).</source>
        <translation>规则“{rule}”：单元分类“{value}”未知；请使用 1（优先保护）、2（重点管控）或 3（一般管控）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="93"/>
        <source>Rule &apos;{rule}&apos; compares plan kind &apos;{kind}&apos; with itself.</source>
        <translation>规则“{rule}”将规划类型“{kind}”与其自身比较。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="99"/>
        <source>Ecological protection red line outside priority-protection units</source>
        <translation>生态保护红线位于优先保护单元之外</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="99"/>
        <source>Urban development boundary in a priority-protection unit</source>
        <translation>城镇开发边界位于优先保护单元内</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="99"/>
        <source>Permanent basic farmland inside the urban development boundary</source>
        <translation>永久基本农田位于城镇开发边界内</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="99"/>
        <source>Ecological protection red line inside the urban development boundary</source>
        <translation>生态保护红线位于城镇开发边界内</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="99"/>
        <source>Ecological protection red line overlapping permanent basic farmland</source>
        <translation>生态保护红线与永久基本农田重叠</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="154"/>
        <source>The overlap rules in &apos;{source}&apos; are not valid JSON: {error}</source>
        <translation>“{source}”中的重叠规则不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="159"/>
        <source>The overlap rules in &apos;{source}&apos; have format version {version}; this plugin reads version {supported}.</source>
        <translation>“{source}”中的重叠规则格式版本为 {version}；本插件读取的版本为 {supported}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="164"/>
        <source>&apos;{source}&apos; must hold a list of overlap rules (an object with a &quot;rules&quot; list).</source>
        <translation>“{source}”必须包含重叠规则列表（即带有 &quot;rules&quot; 列表的对象）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="171"/>
        <source>Overlap rule {n} in &apos;{source}&apos; has no id.</source>
        <translation>“{source}”中的第 {n} 条重叠规则没有 id。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="174"/>
        <source>Overlap rule id &apos;{rule}&apos; appears more than once in &apos;{source}&apos;.</source>
        <translation>重叠规则 id“{rule}”在“{source}”中出现了多次。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="150"/>
        <source>Environmental access query</source>
        <translation>环境准入查询</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="160"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="161"/>
        <source>Point at X = {x}, Y = {y}</source>
        <translation>点位：X = {x}，Y = {y}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="162"/>
        <source>Polygon of {area} m², centred at X = {x}, Y = {y}</source>
        <translation>面积为 {area} m² 的多边形，中心位于 X = {x}，Y = {y}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="163"/>
        <source> (buffer {buffer} m)</source>
        <translation>（缓冲距离 {buffer} m）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="164"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="165"/>
        <source>Site</source>
        <translation>选址</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="166"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="167"/>
        <source>Control unit layer</source>
        <translation>管控单元图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="168"/>
        <source>Generated</source>
        <translation>生成信息</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="169"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="170"/>
        <source>Control units touched</source>
        <translation>涉及的管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="171"/>
        <source>Unit code</source>
        <translation>单元编码</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="172"/>
        <source>Unit name</source>
        <translation>单元名称</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="173"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="174"/>
        <source>Overlap (m²)</source>
        <translation>重叠面积（m²）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="175"/>
        <source>Share of site</source>
        <translation>占选址面积比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="176"/>
        <source>The site touches no control unit.</source>
        <translation>选址未涉及任何管控单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="177"/>
        <source>Red lines, farmland and urban development boundary</source>
        <translation>生态保护红线、永久基本农田与城镇开发边界</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="178"/>
        <source>Control line</source>
        <translation>控制线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="179"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="180"/>
        <source>Features touched</source>
        <translation>涉及的要素</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="181"/>
        <source>Site inside</source>
        <translation>选址是否位于其内</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="182"/>
        <source>not checked (no layer given)</source>
        <translation>未检查（未提供图层）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="183"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="184"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="186"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="187"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="188"/>
        <source>Requirement</source>
        <translation>准入要求</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="190"/>
        <source>Access lists of the units (four dimensions)</source>
        <translation>各单元准入清单（四个维度）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="191"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="192"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="193"/>
        <source>The verdict is read from the wording of the access lists and the overlaps above; it supports, and does not replace, the review by the competent authority.</source>
        <translation>本结论依据准入清单的措辞及上述重叠情况得出，仅用于辅助而不能替代主管部门的审查。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="214"/>
        <source>Layer &apos;{layer}&apos;: unit {unit} (feature {fid}) has no geometry.</source>
        <translation>图层“{layer}”：单元 {unit}（要素 {fid}）没有几何。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="217"/>
        <source>Layer &apos;{layer}&apos;: unit {unit} (feature {fid}) is a {type}, not a polygon.</source>
        <translation>图层“{layer}”：单元 {unit}（要素 {fid}）为 {type}，不是多边形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="223"/>
        <source>Layer &apos;{layer}&apos;: the geometry of unit {unit} (feature {fid}) is invalid: {reason}.</source>
        <translation>图层“{layer}”：单元 {unit}（要素 {fid}）的几何无效：{reason}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="239"/>
        <source>Layer '{layer}': unit {unit} (feature {fid}) covers {area} m², less than the minimum unit area of {min_area} m².</source>
        <translation>图层“{layer}”：单元 {unit}（要素 {fid}）面积为 {area} m²，小于最小单元面积 {min_area} m²。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="269"/>
        <source>Layer '{layer}': units {unit_a} and {unit_b} overlap on {area} m²; emissions there would be counted in both.</source>
        <translation>图层“{layer}”：单元 {unit_a} 与 {unit_b} 重叠 {area} m²，重叠部分的排放会被重复计算。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="282"/>
        <source>Layer &apos;{layer}&apos; does not overlap the boundary layer &apos;{boundary}&apos;. Check that both are in the right CRS.</source>
        <translation>图层“{layer}”与边界图层“{boundary}”不重叠。请检查二者的坐标参考系是否正确。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="306"/>
        <source>Layer '{layer}': an area of {area} m² inside boundary '{boundary}' belongs to no unit (neighbouring units: {units}).</source>
        <translation>图层“{layer}”：边界“{boundary}”内有一处 {area} m² 的区域不属于任何单元（相邻单元：{units}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="310"/>
        <source>Layer '{layer}': a hole of {area} m² enclosed by units {units} belongs to no unit.</source>
        <translation>图层“{layer}”：单元 {units} 围合的一处 {area} m² 的孔洞不属于任何单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="368"/>
        <source>Layer &apos;{layer}&apos; has no unit code field; the code checks were skipped.</source>
        <translation>图层“{layer}”没有单元编码字段，已跳过编码检查。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="381"/>
        <source>Layer &apos;{layer}&apos;: code {code} is used by {n} units (features {fids}); each unit needs its own code.</source>
        <translation>图层“{layer}”：编码 {code} 被 {n} 个单元使用（要素 {fids}）；每个单元须有唯一的编码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="388"/>
        <source>Layer &apos;{layer}&apos;: feature {fid} has no unit code in field &apos;{field}&apos;.</source>
        <translation>图层“{layer}”：要素 {fid} 的字段“{field}”中没有单元编码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="400"/>
        <source>Layer &apos;{layer}&apos;: unit code &apos;{code}&apos; (feature {fid}) does not start with &apos;ZH&apos;; a unit code is ZH + 6-digit county code + class digit 1/2/3 + 4-digit serial, e.g. ZH44060620002.</source>
        <translation>图层“{layer}”：单元编码“{code}”（要素 {fid}）不以 'ZH' 开头；单元编码由 ZH + 6 位县级行政区划代码 + 分类位 1/2/3 + 4 位序号组成，例如 ZH44060620002。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="404"/>
        <source>Layer &apos;{layer}&apos;: unit code &apos;{code}&apos; (feature {fid}) has {length} characters instead of 13 (ZH + 6-digit county code + class digit 1/2/3 + 4-digit serial).</source>
        <translation>图层“{layer}”：单元编码“{code}”（要素 {fid}）有 {length} 个字符，应为 13 个（ZH + 6 位县级行政区划代码 + 分类位 1/2/3 + 4 位序号）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="408"/>
        <source>Layer &apos;{layer}&apos;: unit code &apos;{code}&apos; (feature {fid}) must have 11 digits after &apos;ZH&apos;.</source>
        <translation>图层“{layer}”：单元编码“{code}”（要素 {fid}）在 'ZH' 之后必须为 11 位数字。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="410"/>
        <source>Layer &apos;{layer}&apos;: unit code &apos;{code}&apos; (feature {fid}) has class digit {digit} (9th character); it must be 1, 2 or 3.</source>
        <translation>图层“{layer}”：单元编码“{code}”（要素 {fid}）的分类位（第 9 个字符）为 {digit}，必须为 1、2 或 3。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="418"/>
        <source>Layer &apos;{layer}&apos; has no unit class field; the class checks were skipped.</source>
        <translation>图层“{layer}”没有管控单元分类字段，已跳过分类检查。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="429"/>
        <source>Layer '{layer}': unit {unit} (feature {fid}) has no readable class in field '{field}' (value: {value}); use 1/2/3 or 优先保护/重点管控/一般管控.</source>
        <translation>图层“{layer}”：单元 {unit}（要素 {fid}）的字段“{field}”中分类无法识别（值：{value}）；请使用 1/2/3 或 优先保护/重点管控/一般管控。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="436"/>
        <source>Layer &apos;{layer}&apos;: unit code {unit} (feature {fid}) has class digit {digit}, but field &apos;{field}&apos; gives class {cls}.</source>
        <translation>图层“{layer}”：单元编码 {unit}（要素 {fid}）的分类位为 {digit}，但字段“{field}”中的分类为 {cls}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_workbook.py" line="215"/>
        <source>XLSX export needs the Python package openpyxl; export CSV instead or install it.</source>
        <translation>导出 XLSX 需要 Python 包 openpyxl；请改为导出 CSV，或安装该包。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_export.py" line="71"/>
        <source>Export to &apos;{path}&apos;: use a .csv or .xlsx file name.</source>
        <translation>导出到“{path}”：请使用 .csv 或 .xlsx 文件名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_validation.py" line="34"/>
        <source>The unit code is empty.</source>
        <translation>单元编码为空。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_validation.py" line="36"/>
        <source>Unit code &apos;{code}&apos; is not ZH + 6-digit county code + class digit 1/2/3 + 4-digit serial (e.g. ZH44060620002).</source>
        <translation>单元编码“{code}”不符合 ZH + 6 位县级行政区划代码 + 分类码 1/2/3 + 4 位序号的格式（如 ZH44060620002）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_validation.py" line="40"/>
        <source>Unit code &apos;{code}&apos; has class digit {digit}, but the unit class is {cls}.</source>
        <translation>单元编码“{code}”的分类码为 {digit}，但管控单元分类为 {cls}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_validation.py" line="44"/>
        <source>Unit code &apos;{code}&apos; is already used by another unit.</source>
        <translation>单元编码“{code}”已被其他单元使用。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_validation.py" line="47"/>
        <source>The unit class must be 1/2/3 or 优先保护/重点管控/一般管控.</source>
        <translation>管控单元分类必须为 1/2/3 或 优先保护/重点管控/一般管控。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_validation.py" line="52"/>
        <source>Key-control (重点管控) units need this requirement; it is empty.</source>
        <translation>重点管控单元必须填写该项准入要求，目前为空。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/audit.py" line="92"/>
        <source>The change log in &apos;{path}&apos; cannot be opened for writing.</source>
        <translation>无法以写入方式打开“{path}”中的变更记录。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/measures.py" line="37"/>
        <source>Measures table '{source}', row {row}: dimension '{value}' is not one of 空间布局约束, 污染物排放管控, 环境风险防控, 资源开发效率要求 (资源利用效率 is accepted too).</source>
        <translation>措施库表“{source}”第 {row} 行：维度“{value}”不属于空间布局约束、污染物排放管控、环境风险防控、资源开发效率要求（也接受“资源利用效率”）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/measures.py" line="46"/>
        <source>Measures table &apos;{source}&apos; has no &apos;{part}&apos; column (accepted: {names}).</source>
        <translation>措施库表“{source}”缺少“{part}”列（可用列名：{names}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/measures.py" line="71"/>
        <source>Measures table &apos;{source}&apos; cannot be read: {error}</source>
        <translation>无法读取措施库表“{source}”：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="92"/>
        <source>Period &apos;{period}&apos; has no grid; the grids are for {periods}.</source>
        <translation>时期“{period}”没有排放清单网格；现有网格的时期为 {periods}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="145"/>
        <source>The base and the target period are both &apos;{period}&apos;; choose two different periods.</source>
        <translation>基准期与目标期均为“{period}”；请选择两个不同的时期。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="100"/>
        <source>The weights α = {alpha} and β = {beta} must be non-negative and add up to 1.</source>
        <translation>权重 α = {alpha} 与 β = {beta} 必须为非负数且二者之和为 1。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="104"/>
        <source>The axis tolerance must be zero or positive, not {value}.</source>
        <translation>坐标轴容差必须为零或正数，不能为 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="107"/>
        <source>Unknown BCG share period &apos;{value}&apos;; use base or target.</source>
        <translation>未知的波士顿矩阵占比时期“{value}”；请使用 base 或 target。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="112"/>
        <source>No {carbon} grid was given for {period}; every method compares against it.</source>
        <translation>未提供 {period} 的 {carbon} 排放清单网格；所有方法都以其为比较基准。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="207"/>
        <source>{species} {period}: no total grid was given, so the total is the sum of the sectors {sectors}.</source>
        <translation>{species} {period}：未提供总量网格，总量按部门 {sectors} 之和计算。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="214"/>
        <source>{species} {period}: the sectors add up to {parts:,.0f} t but the total grid holds {total:,.0f} t ({diff:+.2%}); sector shares refer to the total grid.</source>
        <translation>{species} {period}：各部门合计 {parts:,.0f} t，而总量网格为 {total:,.0f} t（{diff:+.2%}）；部门占比以总量网格为准。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="235"/>
        <source>No {species} grid for {period}: the {species} changes, elasticity and coordination between {base} and {target} are left empty (see the note columns).</source>
        <translation>没有 {period} 的 {species} 排放清单网格：{base}–{target} 间 {species} 的变化量、弹性系数和耦合协调度留空（见说明列）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="301"/>
        <source>{species} {period}: no grid for the sectors {sectors}; their shares, changes and BCG groups are left empty (see the note columns).</source>
        <translation>{species} {period}：部门 {sectors} 没有排放清单网格，其占比、变化量和波士顿矩阵分组留空（见说明列）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="137"/>
        <source>Marker area: {column}</source>
        <translation>散点面积：{column}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="141"/>
        <source>{species} reduction rate (%)</source>
        <translation>{species} 减排率（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="143"/>
        <source>Synergy coordinates of {carbon} and {pollutant}</source>
        <translation>{carbon} 与 {pollutant} 协同控制效应坐标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="356"/>
        <source>{n} without defined coordinates are not shown (see the note columns).</source>
        <translation>{n} 个对象的坐标无定义，未显示（见说明列）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="225"/>
        <source>Share of the {species} total (%)</source>
        <translation>占 {species} 总量比例（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="227"/>
        <source>Growth rate {base}–{target} (%)</source>
        <translation>{base}–{target} 增长率（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="229"/>
        <source>split {value:.1f} %</source>
        <translation>分界值 {value:.1f}%</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="232"/>
        <source>Bubble area: {species} in {period}</source>
        <translation>气泡面积：{species}（{period}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="241"/>
        <source>Boston matrix of the sectors ({species})</source>
        <translation>部门波士顿矩阵（{species}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="295"/>
        <source>Emissions by sector and their share of the total</source>
        <translation>各部门排放量及其占总量比例</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="322"/>
        <source>Key units by {species} in {period}</source>
        <translation>{period} {species} 重点单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="121"/>
        <source>Two grids were given for {species}, {period}, sector {sector}: &apos;{a}&apos; and &apos;{b}&apos;.</source>
        <translation>{species}、{period}、部门 {sector} 提供了两个排放清单网格：“{a}”和“{b}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="286"/>
        <source>Grid &apos;{name}&apos; ({what}) is not on the grid of &apos;{ref}&apos; ({ref_what}): {got} vs {expected}. All years, species and sectors must share one grid; resampling emissions would not conserve mass, so the plugin does not do it for you.</source>
        <translation>排放清单网格“{name}”（{what}）与“{ref}”（{ref_what}）不在同一网格上：{got}，而应为 {expected}。所有年份、排放物种和部门必须共用同一网格；对排放量重采样无法保证质量守恒，因此本插件不会代为重采样。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="295"/>
        <source>Grid &apos;{name}&apos; ({what}) is in a different CRS from grid &apos;{ref}&apos; ({ref_what}).</source>
        <translation>排放清单网格“{name}”（{what}）与“{ref}”（{ref_what}）的坐标参考系不同。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="88"/>
        <source>No {species} grid for {period}.</source>
        <translation>没有 {period} 的 {species} 排放清单网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="89"/>
        <source>{species} is zero in {period}: its rate of change is undefined.</source>
        <translation>{species} 在 {period} 为零：其变化率无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="90"/>
        <source>{species} is negative in {period}: its rate of change is undefined.</source>
        <translation>{species} 在 {period} 为负值：其变化率无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="92"/>
        <source>{carbon} does not change between {base} and {target}: the elasticity is undefined (division by zero).</source>
        <translation>{carbon} 在 {base}–{target} 间无变化：弹性系数无定义（除数为零）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="95"/>
        <source>The {species} reduction rate is the same for all {n} compared: min–max normalisation is undefined.</source>
        <translation>参与比较的 {n} 个对象的 {species} 减排率均相同：min–max 归一化无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="98"/>
        <source>Both normalised reduction rates are 0: the coupling degree C is undefined (0/0); D = 0.</source>
        <translation>两个归一化减排率均为 0：耦合度 C 无定义（0/0）；D = 0。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="100"/>
        <source>Computed from {species} only; the others are undefined.</source>
        <translation>仅根据 {species} 计算；其余无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="101"/>
        <source>The total {species} of {period} is zero or missing: shares are undefined.</source>
        <translation>{period} 的 {species} 总量为零或缺失：占比无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>I synergy: both fall</source>
        <translation>I 协同：二者均下降</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>II trade-off: pollutant falls, CO2 rises</source>
        <translation>II 权衡：污染物下降，CO2 上升</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>III both rise</source>
        <translation>III 二者均上升</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>IV trade-off: CO2 falls, pollutant rises</source>
        <translation>IV 权衡：CO2 下降，污染物上升</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>On the x axis: CO2 falls, pollutant unchanged</source>
        <translation>位于 x 轴：CO2 下降，污染物不变</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>On the x axis: CO2 rises, pollutant unchanged</source>
        <translation>位于 x 轴：CO2 上升，污染物不变</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>On the y axis: pollutant falls, CO2 unchanged</source>
        <translation>位于 y 轴：污染物下降，CO2 不变</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>On the y axis: pollutant rises, CO2 unchanged</source>
        <translation>位于 y 轴：污染物上升，CO2 不变</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>At the origin: neither changes</source>
        <translation>位于原点：二者均无变化</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Extreme imbalance</source>
        <translation>极度失调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Serious imbalance</source>
        <translation>严重失调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Moderate imbalance</source>
        <translation>中度失调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Mild imbalance</source>
        <translation>轻度失调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Verge of imbalance</source>
        <translation>濒临失调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Barely coordinated</source>
        <translation>勉强协调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Primary coordination</source>
        <translation>初级协调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Intermediate coordination</source>
        <translation>中级协调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Good coordination</source>
        <translation>良好协调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>High-quality coordination</source>
        <translation>优质协调</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Star: large share, growing</source>
        <translation>明星：占比大，增长</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Question mark: small share, growing</source>
        <translation>问题：占比小，增长</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Cash cow: large share, not growing</source>
        <translation>金牛：占比大，未增长</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Dog: small share, not growing</source>
        <translation>瘦狗：占比小，未增长</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="340"/>
        <source>{carbon} does not change between {base} and {target} for {n} of {total}: {names}; their elasticities are undefined.</source>
        <translation>{total} 个对象中有 {n} 个的 {carbon} 在 {base}–{target} 间无变化：{names}；其弹性系数无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_methods.py" line="421"/>
        <source>{species} is zero or negative in {period} for {n} of {total}: {names}; their rates of change are undefined.</source>
        <translation>{total} 个对象中有 {n} 个的 {species} 在 {period} 为零或负值：{names}；其变化率无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/output_paths.py" line="169"/>
        <source>Output &apos;{output}&apos;: {path} is a file, not a folder. Choose a path in a folder.</source>
        <translation>输出“{output}”：{path} 是文件，不是文件夹。请选择文件夹中的路径。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/output_paths.py" line="151"/>
        <source>Output &apos;{output}&apos;: folder {folder} does not exist. Create it or choose another folder.</source>
        <translation>输出“{output}”：文件夹 {folder} 不存在。请先创建它，或另选文件夹。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/output_paths.py" line="155"/>
        <source>Output &apos;{output}&apos;: folder {folder} cannot be written ({error}). Choose another folder.</source>
        <translation>输出“{output}”：文件夹 {folder} 无法写入（{error}）。请另选文件夹。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/output_paths.py" line="172"/>
        <source>Output &apos;{output}&apos;: {path} is a folder; give a file name.</source>
        <translation>输出“{output}”：{path} 是文件夹，请给出文件名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/output_paths.py" line="192"/>
        <source>Output &apos;{output}&apos; ({path}) would overwrite input &apos;{input}&apos; ({input_path}). Choose another file name.</source>
        <translation>输出“{output}”（{path}）会覆盖输入“{input}”（{input_path}）。请另选文件名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/output_paths.py" line="197"/>
        <source>Output &apos;{output}&apos; ({path}) would overwrite the file of loaded layer &apos;{layer}&apos; ({layer_path}). Choose another file name.</source>
        <translation>输出“{output}”（{path}）会覆盖已加载图层“{layer}”的文件（{layer_path}）。请另选文件名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/output_paths.py" line="204"/>
        <source>Outputs &apos;{output}&apos; and &apos;{other}&apos; are the same file ({path}). Give each its own file name.</source>
        <translation>输出“{output}”和“{other}”是同一个文件（{path}）。请为每个输出指定不同的文件名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/cli.py" line="82"/>
        <source>--grid-units is given for every grid twice (&apos;{first}&apos; and &apos;{second}&apos;); give one value, or SPECIES=UNITS per grid.</source>
        <translation>--grid-units 对所有网格给出了两次（“{first}”和“{second}”）；请只给一个值，或按网格给出 SPECIES=UNITS。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/cli.py" line="90"/>
        <source>--grid-units {given}: no {species} grid is given (grids: {grids}).</source>
        <translation>--grid-units {given}：未给出 {species} 网格（已给网格：{grids}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="424"/>
        <source>{carbon} of the base period {period} sums to 0 t under the units of layer &apos;{layer}&apos; (grids {grids}): every reduction, share and elasticity is measured against it. Check the base-period grid (right file, band and year, its nodata value) and that it covers the units.</source>
        <translation>基准期 {period} 的 {carbon} 在图层“{layer}”的管控单元内合计为 0 吨（网格 {grids}）：所有减排量、占比和弹性都以它为基准。请检查基准期网格（文件、波段和年份是否正确，无数据值是否正确），以及它是否覆盖这些单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="429"/>
        <source>{carbon} of the base period {period} sums to 0 t on the grid (grids {grids}): every reduction, share and elasticity is measured against it. Check the base-period grid (right file, band and year, its nodata value).</source>
        <translation>基准期 {period} 的 {carbon} 在网格上合计为 0 吨（网格 {grids}）：所有减排量、占比和弹性都以它为基准。请检查基准期网格（文件、波段和年份是否正确，无数据值是否正确）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster_source.py" line="176"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold one of the layer&apos;s additional no data values; they are treated as nodata.</source>
        <translation>网格“{name}”：{n} 个网格的值属于图层的附加无数据值，按无数据处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="274"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold the same negative value {value:g}, which looks like an undeclared nodata value; they are dropped as negative, but if they are nodata, declare it (gdal_edit.py -a_nodata {value:g} &apos;{path}&apos;, or the layer&apos;s Properties &gt; Transparency &gt; Additional no data value in QGIS).</source>
        <translation>网格“{name}”：{n} 个网格为同一负值 {value:g}，看起来是未声明的无数据值；这些负值已被剔除，但如果它们是无数据值，请声明（gdal_edit.py -a_nodata {value:g} '{path}'，或在 QGIS 图层属性 &gt; 透明度 &gt; 附加无数据值中设置）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="281"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold the same value {value:g}, which looks like an undeclared nodata value; they are counted as emissions and make up {share:.1f} % of the grid&apos;s total. If they are nodata, declare it (gdal_edit.py -a_nodata {value:g} &apos;{path}&apos;, or the layer&apos;s Properties &gt; Transparency &gt; Additional no data value in QGIS) and run again.</source>
        <translation>网格“{name}”：{n} 个网格为同一值 {value:g}，看起来是未声明的无数据值；它们被计为排放，占该网格总量的 {share:.1f} %。如果它们是无数据值，请声明（gdal_edit.py -a_nodata {value:g} '{path}'，或在 QGIS 图层属性 &gt; 透明度 &gt; 附加无数据值中设置）后重新运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="299"/>
        <source>Grid &apos;{name}&apos;: {n} cells hold values far above all others ({low:g} to {high:g}, the next largest is {next:g}) and make up {share:.1f} % of the grid&apos;s total; check whether they are fill values. If they are nodata, declare it (gdal_edit.py -a_nodata {value:g} &apos;{path}&apos;, or the layer&apos;s Properties &gt; Transparency &gt; Additional no data value in QGIS) and run again.</source>
        <translation>网格“{name}”：{n} 个网格的值远高于其他所有网格（{low:g} 至 {high:g}，次大值为 {next:g}），占该网格总量的 {share:.1f} %；请检查它们是否为填充值。如果它们是无数据值，请声明（gdal_edit.py -a_nodata {value:g} '{path}'，或在 QGIS 图层属性 &gt; 透明度 &gt; 附加无数据值中设置）后重新运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="321"/>
        <source>Grid &apos;{name}&apos; holds no usable value: all {n} cells are nodata, NaN, infinite or negative. Check that &apos;{path}&apos; is the right file and that its nodata value is not a real emission value.</source>
        <translation>网格“{name}”没有可用值：全部 {n} 个网格均为无数据、NaN、无穷大或负值。请检查“{path}”是否为正确的文件，且其无数据值不是真实排放值。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="327"/>
        <source>Grid &apos;{name}&apos; holds only zeros ({n} cells with a value, none above 0): no cell emits {species}, so there is nothing to rank. Check that &apos;{path}&apos; is the right file, band and year.</source>
        <translation>网格“{name}”全为零（{n} 个网格有值，但没有大于 0 的）：没有网格排放 {species}，无法排序。请检查“{path}”的文件、波段和年份是否正确。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="360"/>
        <source>Grid &apos;{lacks}&apos; has no CRS, while grid &apos;{has}&apos; is in {crs}; the plugin does not guess it. Assign the CRS to &apos;{path}&apos; (gdal_edit.py -a_srs EPSG:&lt;code&gt;, or a .prj file beside an ASCII grid, or the layer&apos;s Properties &gt; Source &gt; Assigned coordinate reference system in QGIS) and run again.</source>
        <translation>网格“{lacks}”没有坐标参考系，而网格“{has}”的坐标参考系为 {crs}；插件不会猜测。请为“{path}”指定坐标参考系（gdal_edit.py -a_srs EPSG:&lt;代码&gt;，或在 ASCII 网格旁放置 .prj 文件，或在 QGIS 图层属性 &gt; 源 &gt; 指定的坐标参考系中设置）后重新运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/species.py" line="38"/>
        <source>Unknown species &apos;{species}&apos; ({source}); the known species are {known} (case does not matter; PM25 and pm2.5 mean PM2.5).</source>
        <translation>未知物种“{species}”（{source}）；已知物种为 {known}（不区分大小写；PM25 与 pm2.5 均表示 PM2.5）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/species.py" line="55"/>
        <source>Species {species} is given twice: &apos;{first}&apos; ({as_first}) and &apos;{second}&apos; ({as_second}). Give one grid per species.</source>
        <translation>物种 {species} 给出了两次：“{first}”（{as_first}）和“{second}”（{as_second}）。每个物种只给一个网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="440"/>
        <source>No NOx or VOCs grid was given, so there are no pollutant hotspots: no unit is flagged as a synergy hotspot (A) or a pollutant hotspot (C); the CO2 sums, densities, concentration and carbon classes (B) stand. Give a NOx or VOCs grid for the synergy flags.</source>
        <translation>未给出 NOx 或 VOCs 网格，因此没有污染物热点：没有单元被标为协同热点（A）或污染物热点（C）；CO2 总量、密度、集中度和碳热点分类（B）照常有效。如需协同标识，请给出 NOx 或 VOCs 网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="855"/>
        <source>Grid &apos;{name}&apos; holds {total:,.6g} t, but none of it lies under the units of layer &apos;{layer}&apos;: the cells under the units are all 0 or nodata. Check that the grid covers the units (right file, extent and CRS).</source>
        <translation>网格“{name}”共有 {total:,.6g} 吨，但没有任何排放位于图层“{layer}”的管控单元内：单元内的网格全为 0 或无数据。请检查网格是否覆盖这些单元（文件、范围和坐标参考系是否正确）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="859"/>
        <source>Grid &apos;{name}&apos; holds {total:,.6g} t, but none of it lies under the units of layer &apos;{layer}&apos;; it has no hotspot under the units.</source>
        <translation>网格“{name}”共有 {total:,.6g} 吨，但没有任何排放位于图层“{layer}”的管控单元内；单元内没有该物种的热点。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_qa.py" line="352"/>
        <source>Layer &apos;{layer}&apos; has neither a unit code field (looked for {code_fields}) nor a unit class field (looked for {class_fields}), so its codes and classes cannot be checked. Choose the code and class fields, or add them to the layer.</source>
        <translation>图层“{layer}”既没有单元编码字段（查找了 {code_fields}），也没有单元分类字段（查找了 {class_fields}），因此无法检查其编码和分类。请选择编码和分类字段，或将其添加到图层中。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="317"/>
        <source>Layer '{layer}' has neither a unit code field nor a unit class field (looked for {code_fields} and {class_fields}); units are labelled #1, #2, … and their class is unknown. Choose the code and class fields in the field mapping.</source>
        <translation>图层“{layer}”既没有单元编码字段，也没有单元分类字段（查找了 {code_fields} 以及 {class_fields}）；单元以 #1、#2…… 标记，分类未知。请在字段映射中选择编码和分类字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units.py" line="329"/>
        <source>Layer &apos;{layer}&apos;: field &apos;{field}&apos; gives the same code to several units ({n} codes: {codes}); their results cannot be told apart by code. Give each unit its own code (Check control units lists them).</source>
        <translation>图层“{layer}”：字段“{field}”把同一编码赋给了多个单元（{n} 个编码：{codes}）；其结果无法按编码区分。请为每个单元赋予唯一编码（“检查管控单元”会列出它们）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/cli_commands/assessment.py" line="73"/>
        <source>Give both a base and a target year.</source>
        <translation>请同时指定基准年和目标年。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/plan_rules.py" line="140"/>
        <source>The rules file &apos;{path}&apos; cannot be read: {error}</source>
        <translation>无法读取规则文件“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/cli_commands/query.py" line="65"/>
        <source>The site layer &apos;{path}&apos; has no feature {fid}.</source>
        <translation>选址图层“{path}”中没有要素 {fid}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/cli_commands/query.py" line="76"/>
        <source>The site layer has no feature with a geometry.</source>
        <translation>选址图层中没有带几何的要素。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/cli_commands/query.py" line="78"/>
        <source>The site layer has no CRS; set it in Layer Properties &gt; Source.</source>
        <translation>选址图层没有坐标参考系，请在 图层属性 &gt; 源 中设置。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="123"/>
        <source>Raster &apos;{name}&apos;: its species is neither in its metadata nor in its name; name it like co2_2020_power.</source>
        <translation>栅格“{name}”：元数据和名称中均未标明排放物种；请按 co2_2020_power 的形式命名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="126"/>
        <source>Raster &apos;{name}&apos; names no sector; sector grids are named like co2_2020_power.</source>
        <translation>栅格“{name}”未标明部门；分部门排放清单网格应按 co2_2020_power 的形式命名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="128"/>
        <source>Raster &apos;{name}&apos;: its year is neither in its metadata nor in its name; name it like co2_2020 or co2_2020_power.</source>
        <translation>栅格“{name}”：元数据和名称中均未标明年份；请按 co2_2020 或 co2_2020_power 的形式命名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="131"/>
        <source>Raster &apos;{name}&apos; is labelled {label}; it is used as the base year {base}.</source>
        <translation>栅格“{name}”标注为 {label}，将作为基准年 {base} 使用。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="132"/>
        <source>Raster &apos;{name}&apos; is for {period}, neither the base year {base} nor the target year {target}; it is not used.</source>
        <translation>栅格“{name}”为 {period} 年，既非基准年 {base} 也非目标年 {target}，不予使用。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="135"/>
        <source>The grids of one year carry different years ({years}); give the year explicitly.</source>
        <translation>同一年份的排放清单网格标注了不同的年份（{years}）；请明确指定年份。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_inputs.py" line="137"/>
        <source>The base and the target grids are both for {period}; give the years explicitly.</source>
        <translation>基准年与目标年的排放清单网格均为 {period}；请明确指定年份。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_options.py" line="35"/>
        <source>Base year</source>
        <translation>基准年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_options.py" line="35"/>
        <source>Target year</source>
        <translation>目标年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/audit.py" line="35"/>
        <source>The edits of layer &apos;{layer}&apos; were saved, but their change log could not be written to {target}: {error}</source>
        <translation>图层“{layer}”的编辑已保存，但其变更日志无法写入 {target}：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/audit.py" line="39"/>
        <source>The edits of layer &apos;{layer}&apos; were saved, but their change log could not be written to the database table {table} (database &apos;{database}&apos;): {error}</source>
        <translation>图层“{layer}”的编辑已保存，但其变更日志无法写入数据库表 {table}（数据库“{database}”）：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/audit.py" line="43"/>
        <source>The change log in the database table {table} (database &apos;{database}&apos;) cannot be read: {error}</source>
        <translation>无法读取数据库表 {table}（数据库“{database}”）中的变更日志：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="61"/>
        <source>Grid '{name}' has an invalid origin or extent (origin {x0}, {y0}; cell size {dx} × {dy}; {rows} × {cols} cells): its georeferencing is damaged.</source>
        <translation>栅格“{name}”的原点或范围无效（原点 {x0}, {y0}；像元大小 {dx} × {dy}；{rows} × {cols} 个像元）：其地理参考已损坏。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="76"/>
        <source>Top k % cells (same k)</source>
        <translation>排放量前 k% 的网格（与 CO2 相同的 k）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="77"/>
        <source>Getis–Ord Gi*</source>
        <translation>Getis–Ord Gi* 热点分析</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="78"/>
        <source>NOx or VOCs hotspot</source>
        <translation>NOx 或 VOCs 热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="79"/>
        <source>NOx and VOCs hotspot</source>
        <translation>NOx 与 VOCs 均为热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="80"/>
        <source>NOx hotspot</source>
        <translation>NOx 热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="81"/>
        <source>VOCs hotspot</source>
        <translation>VOCs 热点</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="82"/>
        <source>Cells under the units</source>
        <translation>管控单元范围内的网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="83"/>
        <source>All cells of the grid</source>
        <translation>排放清单网格的全部网格单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="84"/>
        <source>All cells</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="85"/>
        <source>Non-zero cells</source>
        <translation>非零网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="75"/>
        <source>Raster &apos;{path}&apos; is damaged: its georeferencing could not be read: {reason}</source>
        <translation>栅格“{path}”已损坏：无法读取其地理参考：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="115"/>
        <source>Raster '{path}' declares {rows} × {cols} cells, too many to read into memory; check its header.</source>
        <translation>栅格“{path}”声明了 {rows} × {cols} 个像元，数量过多，无法读入内存；请检查其文件头。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="174"/>
        <source>EDGAR file &apos;{path}&apos; is a folder, not a text file.</source>
        <translation>EDGAR 文件“{path}”是一个文件夹，而不是文本文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster.py" line="266"/>
        <source>EDGAR file '{path}': its points ({south:g} to {north:g} N, {west:g} to {east:g} E) span more than {limit} cells of {size:g}°; check the coordinates and the cell size.</source>
        <translation>EDGAR 文件“{path}”：其数据点（北纬 {south:g} 至 {north:g}，东经 {west:g} 至 {east:g}）跨越超过 {limit} 个 {size:g}° 的像元；请检查坐标和像元大小。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="791"/>
        <source>NOx or VOCs</source>
        <translation>NOx 或 VOCs</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="792"/>
        <source>NOx and VOCs</source>
        <translation>NOx 与 VOCs</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="802"/>
        <source>{share:.1f} % of {species}</source>
        <translation>{species} 的 {share:.1f} %</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="804"/>
        <source>non-zero cells</source>
        <translation>非零网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="804"/>
        <source>cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="806"/>
        <source>under the control units</source>
        <translation>（管控单元范围内）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="806"/>
        <source>of the grid</source>
        <translation>（全部网格）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="808"/>
        <source>The top {k:g} % of {denominator} by CO2 ({n_top} of {n_domain} cells {where}) hold {shares}.</source>
        <translation>按 CO2 排序前 {k:g} % 的{denominator}（{n_domain} 个网格{where}中的 {n_top} 个）容纳了 {shares}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="813"/>
        <source>top-k %</source>
        <translation>前 k %</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="815"/>
        <source>Gi* bin &gt;= {bin}{fdr}</source>
        <translation>Gi* 置信分级 ≥ {bin}{fdr}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="818"/>
        <source>Coincidence cells (CO2 top cells that are {rule} hotspots by {method}): {n}.</source>
        <translation>协同网格（按{method}同时为 {rule} 热点的 CO2 前 k% 网格）：{n} 个。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="823"/>
        <source>No NOx or VOCs grid was given: no synergy flags (class A) and no pollutant hotspots (class C); the classes below show the carbon hotspots (B).</source>
        <translation>未给出 NOx 或 VOCs 网格：没有协同标记（A 类）和污染物热点（C 类）；以下分类仅显示碳排放热点（B 类）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="829"/>
        <source>Units: {n}; flagged (synergy hotspot, class A): {flagged}; carbon only (B): {b}; pollutant only (C): {c}; none (D): {d}.</source>
        <translation>管控单元：{n} 个；已标记（协同热点，A 类）：{flagged} 个；仅碳排放热点（B 类）：{b} 个；仅污染物热点（C 类）：{c} 个；非热点（D 类）：{d} 个。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="835"/>
        <source>Flagged units hold {share:.1f} % of the units&apos; CO2. Largest:</source>
        <translation>已标记单元的 CO2 排放占全部单元的 {share:.1f} %。排放最大的单元：</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy.py" line="838"/>
        <source>  {unit} {name}: CO2 {co2:,.0f} t/yr, NOx {nox:,.0f} t/yr, coincidence cells {n}, {share:.0f} % of its CO2 in them</source>
        <translation>  {unit} {name}：CO2 {co2:,.0f} 吨/年，NOx {nox:,.0f} 吨/年，协同网格 {n} 个，其 CO2 的 {share:.0f} % 位于其中</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="117"/>
        <source>&apos;{path}&apos; is damaged: its features could not be read: {reason}</source>
        <translation>“{path}”已损坏：无法读取其要素：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/units_io.py" line="265"/>
        <source>&apos;{path}&apos;: the geometry of feature {fid} is damaged and cannot be read: {reason}</source>
        <translation>“{path}”：要素 {fid} 的几何已损坏，无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="457"/>
        <source>Baseline {base}:</source>
        <translation>基准年 {base}：</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="459"/>
        <source>  {species}: {total:,.0f} t</source>
        <translation>  {species}：{total:,.0f} 吨</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="462"/>
        <source>Assessment {base} -&gt; {target}, {pollutants} against {carbon}.</source>
        <translation>评估 {base} → {target}，{pollutants} 相对于 {carbon}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="469"/>
        <source>  {species}: {total:,.0f} t in {target} ({change} from {base})</source>
        <translation>  {species}：{target} 年 {total:,.0f} 吨（较 {base} 年 {change}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="472"/>
        <source>Units</source>
        <translation>管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="472"/>
        <source>Sectors</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="479"/>
        <source>{table}, {carbon} vs {species}: synergy (I) {synergy}, trade-off (II/IV) {tradeoff}, both rise (III) {both_rise}, on an axis {axis}.</source>
        <translation>{table}，{carbon} 与 {species}：协同（I）{synergy} 个，此消彼长（II/IV）{tradeoff} 个，同增（III）{both_rise} 个，位于坐标轴上 {axis} 个。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="485"/>
        <source>{table}, coordination degree D of {carbon} and the pollutants: {grades}.</source>
        <translation>{table}，{carbon} 与污染物的协调度 D：{grades}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="495"/>
        <source>BCG groups by {carbon}: {groups}.</source>
        <translation>按 {carbon} 的波士顿矩阵分组：{groups}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="500"/>
        <source>The {n} largest {carbon} emitters among the units hold {share:.1%} of the city total in {base}.</source>
        <translation>{carbon} 排放最大的 {n} 个单元占 {base} 年全市总量的 {share:.1%}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book.py" line="269"/>
        <source>The atlas found {n} units, not {expected}.</source>
        <translation>图集找到 {n} 个单元，而非预期的 {expected} 个。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/book.py" line="378"/>
        <source>The atlas could not move to unit {unit}.</source>
        <translation>图集无法定位到单元 {unit}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/export.py" line="76"/>
        <source>No output file was given for the atlas.</source>
        <translation>未指定图集的输出文件。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/render.py" line="44"/>
        <source>The PDF &apos;{path}&apos; could not be written.</source>
        <translation>无法写入 PDF“{path}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/template.py" line="100"/>
        <source>The atlas template &apos;{path}&apos; could not be read.</source>
        <translation>无法读取图集模板“{path}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/template.py" line="110"/>
        <source>The atlas template &apos;{path}&apos; is not a QGIS layout template.</source>
        <translation>图集模板“{path}”不是 QGIS 布局模板。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/atlas/template.py" line="115"/>
        <source>The atlas template &apos;{path}&apos; has no item with the id &apos;{id}&apos; (see resources/atlas/README.md for the items the atlas fills in).</source>
        <translation>图集模板“{path}”中没有 id 为“{id}”的项（图集所填写的各项见 resources/atlas/README.md）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/overlay.py" line="45"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/layer_roles.py" line="251"/>
        <source>Layers {names} could each be the control units: choose one.</source>
        <translation>图层 {names} 都可能是环境管控单元，请选择其一。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/layer_roles.py" line="252"/>
        <source>Layers {names} could each be the {role}: choose one.</source>
        <translation>图层 {names} 都可能是{role}，请选择其一。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/layer_roles.py" line="253"/>
        <source>Grid &apos;{name}&apos; is labelled {other}, but it is chosen as the {species} grid.</source>
        <translation>网格“{name}”标注为 {other}，却被选作 {species} 网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/pipeline.py" line="43"/>
        <source>Grid &apos;{name}&apos; is given for both {a} and {b}: give each species its own grid.</source>
        <translation>网格“{name}”同时被用作 {a} 和 {b}：请为每种物质分别指定网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/assessment_style.py" line="21"/>
        <source>D undefined (see the note field)</source>
        <translation>D 无法计算（见说明字段）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/report_pdf.py" line="241"/>
        <source>Control unit</source>
        <translation>管控单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/report_pdf.py" line="243"/>
        <source>Project site</source>
        <translation>项目选址</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="554"/>
        <source>Access list of {units}, {dimension}: “{part}” {why}: “{cited}”</source>
        <translation>{units} 准入清单（{dimension}）：“{part}”{why}：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="556"/>
        <source>Access list of {units}, {dimension}: “{part}” {why}. Cited so that you can check it: “{cited}”</source>
        <translation>{units} 准入清单（{dimension}）：“{part}”{why}。列出以便核对：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/access_query.py" line="621"/>
        <source>No requirement of unit {units} forbids or restricts this project: “{cited}”</source>
        <translation>单元 {units} 的管控要求均未禁止或限制本项目：“{cited}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="75"/>
        <source>Unknown coupling degree form &apos;{value}&apos;; use {forms}.</source>
        <translation>未知的耦合度形式“{value}”；请使用 {forms}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="464"/>
        <source>Coupling degree C: {form}; D = √(C·T), T = {alpha:g}·U({carbon}) + {beta:g}·U(pollutant).</source>
        <translation>耦合度 C：{form}；D = √(C·T)，T = {alpha:g}·U({carbon}) + {beta:g}·U(污染物)。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="485"/>
        <source>{grade} {n}</source>
        <translation>{grade} {n}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment.py" line="492"/>
        <source>{sector} ({group})</source>
        <translation>{sector}（{group}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="24"/>
        <source>Mt/yr</source>
        <translation>百万吨/年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="24"/>
        <source>kt/yr</source>
        <translation>千吨/年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="23"/>
        <source>t/yr</source>
        <translation>吨/年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="347"/>
        <source>Number</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_charts.py" line="351"/>
        <source>Coordination degree D of {carbon} and the pollutants</source>
        <translation>{carbon} 与污染物的耦合协调度 D</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_options.py" line="35"/>
        <source>Traditional coupling degree (normative form)</source>
        <translation>传统耦合度（规范形式）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/assessment_options.py" line="35"/>
        <source>Corrected coupling degree (Wang et al. 2021)</source>
        <translation>修正耦合度（王淑佳等，2021）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="23"/>
        <source>kg/yr</source>
        <translation>千克/年</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/grid.py" line="25"/>
        <source>kg m-2 s-1 (flux)</source>
        <translation>kg m-2 s-1（通量）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/industries.py" line="41"/>
        <source>New construction</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/industries.py" line="42"/>
        <source>Reconstruction</source>
        <translation>改建</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/industries.py" line="43"/>
        <source>Expansion</source>
        <translation>扩建</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/industries.py" line="44"/>
        <source>Relocation</source>
        <translation>搬迁</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/industries.py" line="59"/>
        <source>Unknown project kind &apos;{kind}&apos;; use one of: {kinds}.</source>
        <translation>未知的建设性质“{kind}”；请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/industries.py" line="365"/>
        <source>Unknown industry '{industry}': give a GB/T 4754-2017 code (门类 letter, or 2–4 digits, e.g. 2511) or one of: {keys}.</source>
        <translation>未知的行业“{industry}”：请填写 GB/T 4754-2017 行业代码（门类字母或 2–4 位数字，如 2511），或以下之一：{keys}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="151"/>
        <source>Query number</source>
        <translation>查询编号</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="152"/>
        <source>Query date</source>
        <translation>查询日期</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="153"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="154"/>
        <source>Kind of project</source>
        <translation>建设性质</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="155"/>
        <source>Site as given</source>
        <translation>输入的选址</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="156"/>
        <source>Site map</source>
        <translation>选址位置图</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="157"/>
        <source>The site map is drawn in the PDF report.</source>
        <translation>选址位置图见 PDF 报告。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="158"/>
        <source>Part that applies</source>
        <translation>适用的条款</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="159"/>
        <source>How it applies to the project</source>
        <translation>对本项目的适用情况</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="185"/>
        <source>Requirements that concern this project</source>
        <translation>与本项目相关的管控要求</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="189"/>
        <source>No requirement sentence concerns this project.</source>
        <translation>没有与本项目相关的管控要求条款。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/query_report.py" line="203"/>
        <source>The query serial must be between 1 and 999, not {serial}.</source>
        <translation>查询序号须在 1 至 999 之间，而不是 {serial}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="78"/>
        <source>Prohibition</source>
        <translation>禁止类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="79"/>
        <source>Restriction or condition</source>
        <translation>限制类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="80"/>
        <source>Encouragement</source>
        <translation>鼓励类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="441"/>
        <source>does not apply: it names {named}, which does not include the project&apos;s {project}</source>
        <translation>不适用：该条款针对{named}，不包括本项目 {project}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="449"/>
        <source>does not apply: the project is excepted (“{exception}”)</source>
        <translation>不适用：本项目属于除外情形（“{exception}”）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="455"/>
        <source>does not apply: it covers {kinds} projects, and this one is {kind}</source>
        <translation>不适用：该条款针对{kinds}项目，本项目为{kind}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="463"/>
        <source>does not apply: it covers the ecological protection red line, which the site does not touch</source>
        <translation>不适用：该条款针对生态保护红线，选址未涉及生态保护红线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="467"/>
        <source>applies inside the ecological protection red line; give the red-line layer to tell whether the site lies inside</source>
        <translation>适用于生态保护红线内；请提供生态保护红线图层以判断选址是否位于其中</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="471"/>
        <source>does not apply: it covers the area outside the red line, and the site touches the red line</source>
        <translation>不适用：该条款针对生态保护红线以外区域，而选址涉及生态保护红线</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="475"/>
        <source>does not apply: it covers sites outside the parks (“{place}”), and unit {unit} is a park</source>
        <translation>不适用：该条款针对园区以外（“{place}”），而单元 {unit} 为园区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="479"/>
        <source>prohibits {named} outside the planned parks (“{place}”); the project must lie inside one</source>
        <translation>禁止在规划园区以外（“{place}”）建设{named}；项目须位于园区内</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="484"/>
        <source>names {named}, narrower than the project's code {code}; give the 4-digit class (小类) to tell whether it applies</source>
        <translation>所列{named}比本项目的行业代码 {code} 更细；请给出 4 位小类代码以判断是否适用</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="488"/>
        <source>applies only to projects of a given capacity (“{threshold}”); give the project's capacity</source>
        <translation>仅适用于特定规模的项目（“{threshold}”）；请补充项目规模</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="494"/>
        <source>prohibits {kinds} projects that are “{attribute}”; confirm that this project is not</source>
        <translation>禁止“{attribute}”的{kinds}项目；请确认本项目不属于此类</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="498"/>
        <source>prohibits {named} unless a condition is met (“{condition}”): it binds the project as a condition</source>
        <translation>在未满足条件（“{condition}”）时禁止{named}：对本项目构成准入条件</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="502"/>
        <source>prohibits {named} except “{exception}”; the project passes only if it qualifies for the exception</source>
        <translation>禁止{named}，“{exception}”除外；本项目须符合除外情形方可准入</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="506"/>
        <source>prohibits {kinds} projects of any industry, so it covers {project}</source>
        <translation>禁止任何行业的{kinds}项目，因此涵盖 {project}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="508"/>
        <source>prohibits {kinds} projects of {named}, which include the project&apos;s {project}</source>
        <translation>禁止{named}的{kinds}项目，涵盖本项目 {project}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="512"/>
        <source>its siting condition (“{siting}”) is met: unit {unit} is a park</source>
        <translation>其选址条件（“{siting}”）已满足：单元 {unit} 为园区</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="515"/>
        <source>requires capacity or emission replacement (“{replacement}”) for {kinds} projects of {named}</source>
        <translation>要求{named}的{kinds}项目实行产能或排放量置换（“{replacement}”）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="518"/>
        <source>sets a condition (“{word}”) for {kinds} projects of {named}</source>
        <translation>对{named}的{kinds}项目设定了条件（“{word}”）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/requirement_scope.py" line="520"/>
        <source>encourages {named}</source>
        <translation>鼓励{named}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="39"/>
        <source>CGCS2000 longitude/latitude (EPSG:4490)</source>
        <translation>CGCS2000 经纬度（EPSG:4490）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="40"/>
        <source>WGS 84 longitude/latitude (EPSG:4326)</source>
        <translation>WGS 84 经纬度（EPSG:4326）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="41"/>
        <source>GCJ-02 longitude/latitude (web maps: Amap, Tencent)</source>
        <translation>GCJ-02 经纬度（网络地图：高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="133"/>
        <source>'{token}' in the coordinates “{text}” is not a number or degrees–minutes–seconds (e.g. 121.5 or 121°30'E).</source>
        <translation>坐标“{text}”中的“{token}”不是数字或度分秒（如 121.5 或 121°30'E）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="146"/>
        <source>The coordinates “{text}” must be pairs of numbers: x, y (longitude, latitude) — one pair for a point, three or more for a polygon.</source>
        <translation>坐标“{text}”须为成对数字：x, y（经度, 纬度）——点给一对，多边形给三对及以上。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="168"/>
        <source>The point {lon}, {lat} ({system}) is not in China (longitude 73–136° E, latitude 3–54° N). Longitude comes first; projected coordinates need their EPSG code.</source>
        <translation>点 {lon}, {lat}（{system}）不在中国范围内（东经 73–136°，北纬 3–54°）。经度在前；投影坐标须注明 EPSG 代码。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="187"/>
        <source>Unknown coordinate system &apos;{system}&apos;; use CGCS2000, WGS84, GCJ02 or an EPSG code such as EPSG:4547.</source>
        <translation>未知的坐标系“{system}”；请使用 CGCS2000、WGS84、GCJ02 或 EPSG 代码（如 EPSG:4547）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="197"/>
        <source>The coordinates “{text}” give two points: give one point, or three or more for a polygon.</source>
        <translation>坐标“{text}”只有两个点：请给出一个点，或三个及以上点构成多边形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="204"/>
        <source>The polygon “{text}” has no area.</source>
        <translation>多边形“{text}”面积为零。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="250"/>
        <source>The boundary file &apos;{path}&apos; has no coordinate system (layer &apos;{layer}&apos;); choose the CRS it was drawn in.</source>
        <translation>边界文件“{path}”没有坐标系（图层“{layer}”）；请选择其绘制时所用的坐标系。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="263"/>
        <source>The boundary file &apos;{path}&apos; holds no polygon (a site boundary must be a closed area).</source>
        <translation>边界文件“{path}”中没有面要素（选址边界须为闭合区域）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="268"/>
        <source>The boundary in &apos;{path}&apos; has no area.</source>
        <translation>“{path}”中的边界面积为零。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/site_coordinates.py" line="274"/>
        <source>The boundary in '{path}' lies outside China (longitude {x0}–{x1}, latitude {y0}–{y1}); check its coordinate system.</source>
        <translation>“{path}”中的边界位于中国范围以外（经度 {x0}–{x1}，纬度 {y0}–{y1}）；请检查其坐标系。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Power</source>
        <translation>电力</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Industrial</source>
        <translation>工业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Residential</source>
        <translation>居民生活</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Transport</source>
        <translation>交通</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Agriculture</source>
        <translation>农业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>All sectors</source>
        <translation>全部门</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/unit_changes.py" line="27"/>
        <source>Layer &apos;{layer}&apos; holds single polygons, but a changed unit has {n} parts.</source>
        <translation>图层“{layer}”只能保存单部件面，但修改后的单元有 {n} 个部分。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/unit_changes.py" line="38"/>
        <source>Features {ids} of layer &apos;{layer}&apos; are gone since the proposals were made; propose again.</source>
        <translation>生成建议后，图层“{layer}”中的要素 {ids} 已不存在，请重新生成建议。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/unit_changes.py" line="51"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;.</source>
        <translation>图层“{layer}”没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/unit_changes.py" line="66"/>
        <source>A new unit could not be added to layer &apos;{layer}&apos;.</source>
        <translation>无法向图层“{layer}”添加新单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="124"/>
        <source>The parameter &apos;{parameter}&apos; must be a number from {low} to {high}, not {value}.</source>
        <translation>参数“{parameter}”必须是 {low} 到 {high} 之间的数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="132"/>
        <source>The parameter &apos;{parameter}&apos; must be a precedence table, not {value}.</source>
        <translation>参数“{parameter}”必须是优先级规则表，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="174"/>
        <source>The parameter &apos;{parameter}&apos; must be one of {choices}, not {value}.</source>
        <translation>参数“{parameter}”必须是 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="191"/>
        <source>{n} control units: {n1} priority protection, {n2} key control, {n3} general control; {area} km² in all.</source>
        <translation>共 {n} 个环境管控单元：优先保护单元 {n1} 个，重点管控单元 {n2} 个，一般管控单元 {n3} 个；总面积 {area} 平方千米。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="197"/>
        <source>{n} small pieces or slivers were merged into a neighbouring unit of their county.</source>
        <translation>已将 {n} 个细小图斑或狭长碎片合并入其所在县级行政区内的相邻单元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="275"/>
        <source>Layer &apos;{layer}&apos;: features {features} have no geometry and are skipped.</source>
        <translation>图层“{layer}”：要素 {features} 没有几何图形，已跳过。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="285"/>
        <source>Layer &apos;{layer}&apos;: the invalid geometries of features {features} were repaired for the delineation (your layer is unchanged).</source>
        <translation>图层“{layer}”：要素 {features} 的无效几何图形已为单元划定而修复（原图层未改动）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="306"/>
        <source>Layer &apos;{layer}&apos; has no county code field (looked for {fields}); choose the field that holds the 6-digit county code.</source>
        <translation>图层“{layer}”没有县级行政区代码字段（已查找 {fields}）；请选择存放 6 位县级行政区代码的字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="324"/>
        <source>Layer &apos;{layer}&apos;: field &apos;{field}&apos; must hold 6-digit county codes; features and values: {items}.</source>
        <translation>图层“{layer}”：字段“{field}”必须存放 6 位县级行政区代码；要素及取值：{items}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="356"/>
        <source>Layer '{layer}': polygons overlap (features and overlap in m²: {items}); every place must belong to one polygon only.</source>
        <translation>图层“{layer}”：多边形相互重叠（要素及重叠面积，平方米：{items}）；每处地方只能属于一个多边形。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="378"/>
        <source>Layer &apos;{layer}&apos; has gaps between its counties (area and neighbouring features: {items}); every part of the administrative area must belong to one county.</source>
        <translation>图层“{layer}”的县级行政区之间存在缝隙（面积及相邻要素：{items}）；行政区内每一处都必须属于一个县级行政区。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="386"/>
        <source>No element zone layer (要素管控分区) was given; choose at least one.</source>
        <translation>未提供要素管控分区图层；请至少选择一个。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="392"/>
        <source>Layer &apos;{layer}&apos; has no features; it is skipped.</source>
        <translation>图层“{layer}”没有要素，已跳过。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="874"/>
        <source>Layer &apos;{layer}&apos; is in {crs}, but layer &apos;{admin}&apos; is in {admin_crs}. Reproject one of them so that both share one CRS (a legal boundary is not reprojected silently).</source>
        <translation>图层“{layer}”的坐标参考系为 {crs}，而图层“{admin}”为 {admin_crs}。请对其中之一重投影，使两者采用同一坐标参考系（法定界线不会被静默重投影）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="425"/>
        <source>Layer '{layer}': {n} features have no readable control class in field '{field}' (feature: value): {items}. Use 1/2/3 or 优先保护/重点管控/一般管控.</source>
        <translation>图层“{layer}”：{n} 个要素在字段“{field}”中没有可识别的管控类别（要素：取值）：{items}。请使用 1/2/3 或 优先保护/重点管控/一般管控。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="432"/>
        <source>Layer &apos;{layer}&apos;: the element of {n} features is unknown (field &apos;{field}&apos;, feature: value): {items}. Fill the element field or choose the layer&apos;s element.</source>
        <translation>图层“{layer}”：{n} 个要素的环境要素未知（字段“{field}”，要素：取值）：{items}。请填写环境要素字段，或为该图层指定环境要素。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="466"/>
        <source>Element zones of one element overlap (layer, features, element and overlap area: {items}); zones of one element must not overlap.</source>
        <translation>同一环境要素的要素管控分区相互重叠（图层、要素、环境要素及重叠面积：{items}）；同一要素的管控分区不得重叠。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="505"/>
        <source>Layer &apos;{layer}&apos;: zones {features} lie entirely outside the area of layer &apos;{admin}&apos; and are ignored.</source>
        <translation>图层“{layer}”：要素管控分区 {features} 完全位于图层“{admin}”的范围之外，已忽略。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="511"/>
        <source>Layer '{layer}': zones reaching outside the area of layer '{admin}' were clipped to it (feature: m² outside): {items}.</source>
        <translation>图层“{layer}”：超出图层“{admin}”范围的要素管控分区已被裁剪（要素：范围外面积，平方米）：{items}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="775"/>
        <source>Layer &apos;{layer}&apos;: more than {n} units of one class in one county; raise the minimum unit area.</source>
        <translation>图层“{layer}”：某县级行政区内同一类别的环境管控单元超过 {n} 个；请调大最小单元面积。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="850"/>
        <source>Units {units} are smaller than {min_area} m² (or thinner than {min_width} m) but have no neighbour in their county (layer '{layer}') to merge with; they are kept.</source>
        <translation>环境管控单元 {units} 面积小于 {min_area} 平方米（或宽度小于 {min_width} 米），但在其所在县级行政区（图层“{layer}”）内没有可合并的相邻单元，已保留。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation.py" line="930"/>
        <source>Layer &apos;{layer}&apos;: the county of features {items} is unknown: their code does not start with a 6-digit county code and no administrative layer covers them.</source>
        <translation>图层“{layer}”：要素 {items} 所属的县级行政区未知：其代码不以 6 位县级行政区代码开头，且没有行政区图层覆盖它们。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation_rules.py" line="64"/>
        <source>A precedence rule must be a PrecedenceRule, not {value}.</source>
        <translation>优先级规则必须是 PrecedenceRule，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation_rules.py" line="110"/>
        <source>The precedence table &apos;{source}&apos; is not valid JSON: {error}</source>
        <translation>优先级规则表“{source}”不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation_rules.py" line="114"/>
        <source>The precedence table &apos;{source}&apos; must be an object with a list &quot;rules&quot;.</source>
        <translation>优先级规则表“{source}”必须是含有列表 &quot;rules&quot; 的对象。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation_rules.py" line="119"/>
        <source>Rule {rule} of the precedence table &apos;{source}&apos; must be an object.</source>
        <translation>优先级规则表“{source}”第 {rule} 条规则必须是一个对象。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation_rules.py" line="129"/>
        <source>Rule {rule} of the precedence table '{source}': unknown element '{value}' (use ecology/air/water/soil/resource/synergy or 生态/大气环境/水环境/土壤环境/资源利用).</source>
        <translation>优先级规则表“{source}”第 {rule} 条规则：未知的环境要素“{value}”（请使用 ecology/air/water/soil/resource/synergy 或 生态/大气环境/水环境/土壤环境/资源利用）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/delineation_rules.py" line="141"/>
        <source>Rule {rule} of the precedence table '{source}': '{key}' has no readable class '{value}' (use 1/2/3 or 优先保护/重点管控/一般管控).</source>
        <translation>优先级规则表“{source}”第 {rule} 条规则：“{key}”的类别“{value}”无法识别（请使用 1/2/3 或 优先保护/重点管控/一般管控）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="89"/>
        <source>No merge: every overlay piece is a unit</source>
        <translation>不合并：每个叠加图斑为一个单元</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="90"/>
        <source>Pieces that took their class from the same zone</source>
        <translation>合并类别来自同一分区的相邻图斑</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="91"/>
        <source>Adjacent pieces of the same class</source>
        <translation>合并同类别的相邻图斑</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="92"/>
        <source>Area majority</source>
        <translation>面积占优</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="93"/>
        <source>Strictest class above the threshold share</source>
        <translation>超过阈值占比的最严格类别</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="94"/>
        <source>Cell outline (exact)</source>
        <translation>网格边界（精确）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="95"/>
        <source>Simplified (within half a cell)</source>
        <translation>简化（偏差不超过半个网格）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/options.py" line="96"/>
        <source>Smoothed corners</source>
        <translation>平滑转角</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="72"/>
        <source>Synergy zones: &apos;{name}&apos; must be a non-negative number, not {value}.</source>
        <translation>协同管控区：“{name}”须为非负数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="76"/>
        <source>Synergy zones: connectivity must be 4 or 8, not {value}.</source>
        <translation>协同管控区：连通方式须为 4 或 8，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="81"/>
        <source>Synergy zones: unknown generalisation &apos;{value}&apos;; use one of {allowed}.</source>
        <translation>协同管控区：未知的综合化方式“{value}”；请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="102"/>
        <source>Synergy control zones: {n}, {area_km2:.2f} km², {cells} cells (from {mask} coincidence cells).</source>
        <translation>减污降碳协同重点管控区：{n} 个，{area_km2:.2f} 平方千米，{cells} 个像元（来自 {mask} 个重合像元）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="109"/>
        <source>{species}: {share:.1f} % of the total lies in the synergy control zones.</source>
        <translation>{species}：总量的 {share:.1f}% 位于减污降碳协同重点管控区内。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="128"/>
        <source>The coincidence mask has shape {shape}, but the grid has {rows} x {cols} cells.</source>
        <translation>重合像元掩膜的形状为 {shape}，而网格为 {rows} x {cols} 个像元。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="135"/>
        <source>Grid &apos;{species}&apos; has shape {shape}, unlike the coincidence mask ({rows} x {cols}): give grids of the synergy run.</source>
        <translation>网格“{species}”的形状为 {shape}，与重合像元掩膜（{rows} x {cols}）不一致：请使用本次协同分析的网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="142"/>
        <source>The synergy run found no coincidence cell (no top CO2 cell is a NOx or VOCs hotspot), so there is no synergy control zone. Lower the thresholds (a larger k, a weaker hotspot rule) or pick another year.</source>
        <translation>协同分析未找到重合像元（CO2 排放靠前的像元均不是 NOx 或 VOCs 热点），因此无法划定减污降碳协同重点管控区。请降低阈值（增大 k、放宽热点规则）或选择其他年份。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="165"/>
        <source>Synergy zones: {n} holes smaller than {min_area:,.0f} m² were filled ({cells} cells).</source>
        <translation>协同管控区：已填充 {n} 个小于 {min_area:,.0f} 平方米的内部空洞（{cells} 个像元）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="186"/>
        <source>Synergy zones: {n} parts smaller than {min_area:,.0f} m² were dropped ({cells} cells, {area_km2:.3f} km²); they held {shares} of the totals.</source>
        <translation>协同管控区：已剔除 {n} 个小于 {min_area:,.0f} 平方米的图斑（{cells} 个像元，{area_km2:.3f} 平方千米），其排放占总量的 {shares}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/synergy_zones.py" line="194"/>
        <source>Synergy zones: every part is smaller than {min_area:,.0f} m², so no zone is left; lower the minimum part area.</source>
        <translation>协同管控区：所有图斑均小于 {min_area:,.0f} 平方米，未保留任何管控区；请调低最小图斑面积。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Ecology</source>
        <translation>生态</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Air</source>
        <translation>大气环境</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Water</source>
        <translation>水环境</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Soil</source>
        <translation>土壤环境</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Resource use</source>
        <translation>资源利用</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Pollution–carbon synergy</source>
        <translation>减污降碳协同</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Overlay of element zones</source>
        <translation>叠加法</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/terms.py" line="148"/>
        <source>Fitting to boundaries</source>
        <translation>拟合法</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="73"/>
        <source>Reclassify the unit</source>
        <translation>调整管控类别</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="74"/>
        <source>Split along the synergy zone boundary</source>
        <translation>沿协同区边界拆分</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="75"/>
        <source>Add synergy control requirements</source>
        <translation>补充协同管控要求</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="100"/>
        <source>Unit proposals: &apos;{name}&apos; is a share between 0 and 1, not {value}.</source>
        <translation>单元调整建议：“{name}”为 0 到 1 之间的比例，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="105"/>
        <source>Unit proposals: &apos;{name}&apos; must be a non-negative number, not {value}.</source>
        <translation>单元调整建议：“{name}”须为非负数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="147"/>
        <source>Unit proposals: {n} in all; reclassify {reclassify}, split {split}, add requirements {requirements}; {measures} measures proposed.</source>
        <translation>单元调整建议：共 {n} 条；调整管控类别 {reclassify} 条，沿协同区边界拆分 {split} 条，补充协同管控要求 {requirements} 条；共建议 {measures} 条措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="171"/>
        <source>Layer '{layer}' has no unit class field mapped; map the field with 1/2/3 (优先保护/重点管控/一般管控) before proposing changes.</source>
        <translation>图层“{layer}”未映射管控单元分类字段；请先在字段映射中指定取值为 1/2/3（优先保护/重点管控/一般管控）的字段，再生成调整建议。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="195"/>
        <source>Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones: {from_class} → {to_class}; {n} synergy measures added.</source>
        <translation>环境管控单元 {code}（要素 {fid}）有 {share:.1f}% 的面积位于协同管控区内：{from_class} → {to_class}；补充 {n} 条协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="206"/>
        <source>Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones: split along the zone boundary into a key-control part of {inside_m2:,.0f} m² and a remainder of {outside_m2:,.0f} m²; {n} synergy measures added to the key-control part.</source>
        <translation>环境管控单元 {code}（要素 {fid}）有 {share:.1f}% 的面积位于协同管控区内：沿协同区边界拆分为 {inside_m2:,.0f} 平方米的重点管控部分和 {outside_m2:,.0f} 平方米的剩余部分；为重点管控部分补充 {n} 条协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="218"/>
        <source>Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones, but a split would leave a part below {min_area:,.0f} m²: add {n} synergy measures only.</source>
        <translation>环境管控单元 {code}（要素 {fid}）有 {share:.1f}% 的面积位于协同管控区内，但拆分后会有部分小于 {min_area:,.0f} 平方米：仅补充 {n} 条协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="226"/>
        <source>Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones; priority protection units are neither reclassified nor split: add {n} synergy measures.</source>
        <translation>环境管控单元 {code}（要素 {fid}）有 {share:.1f}% 的面积位于协同管控区内；优先保护单元不调整类别、不拆分：补充 {n} 条协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="230"/>
        <source>Unit {code} (feature {fid}, {unit_class}) is {share:.1f} % covered by synergy zones: add {n} synergy measures.</source>
        <translation>环境管控单元 {code}（要素 {fid}，{unit_class}）有 {share:.1f}% 的面积位于协同管控区内：补充 {n} 条协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="233"/>
        <source>class unknown</source>
        <translation>分类未知</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="242"/>
        <source>Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones but already holds every synergy measure of its industries: nothing to propose.</source>
        <translation>环境管控单元 {code}（要素 {fid}）有 {share:.1f}% 的面积位于协同管控区内，但已包含其所涉行业的全部协同措施：无需调整。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="261"/>
        <source>Layers &apos;{layer}&apos; ({crs}) and &apos;{zones_layer}&apos; ({zones_crs}) have different CRSs; reproject &apos;{zones_layer}&apos; to the CRS of &apos;{layer}&apos; and run again.</source>
        <translation>图层“{layer}”（{crs}）与“{zones_layer}”（{zones_crs}）的坐标参照系不同；请将“{zones_layer}”重投影到“{layer}”的坐标参照系后重新运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="356"/>
        <source>Layer &apos;{layer}&apos; has no field mapped for the access-list dimensions {dimensions}; their synergy measures are not proposed.</source>
        <translation>图层“{layer}”未映射准入清单维度 {dimensions} 的字段；这些维度的协同措施不予建议。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="406"/>
        <source>Proposal {index} does not exist (there are {n} proposals).</source>
        <translation>建议 {index} 不存在（共有 {n} 条建议）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="425"/>
        <source>Layer &apos;{layer}&apos;: unit {code} (feature {fid}) is no longer at row {row}; the proposal is skipped: propose again.</source>
        <translation>图层“{layer}”：环境管控单元 {code}（要素 {fid}）已不在第 {row} 行；已跳过该建议，请重新生成建议。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="431"/>
        <source>Layer &apos;{layer}&apos;: the code &apos;{code}&apos; of unit {name} (feature {fid}, field &apos;{field}&apos;) is not ZH + 6-digit county + class digit + 4-digit serial, so it cannot be re-assigned; the proposal &apos;{kind}&apos; is refused. Correct the code and propose again.</source>
        <translation>图层“{layer}”：环境管控单元 {name}（要素 {fid}，字段“{field}”）的编码“{code}”不符合“ZH + 6 位区县代码 + 1 位类别 + 4 位序号”的格式，无法重新赋码；已拒绝“{kind}”建议。请更正编码后重新生成建议。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="442"/>
        <source>Unit {code}: {n} synergy measures added.</source>
        <translation>环境管控单元 {code}：已补充 {n} 条协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="460"/>
        <source>Unit {code}: reclassified as key control, new code {new_code}; {n} synergy measures added.</source>
        <translation>环境管控单元 {code}：已调整为重点管控单元，新编码 {new_code}；已补充 {n} 条协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="479"/>
        <source>Unit {code}: split along the synergy zone boundary; the part inside is the new key-control unit {new_code} ({new_name}) with {n} synergy measures.</source>
        <translation>环境管控单元 {code}：已沿协同区边界拆分；区内部分为新的重点管控单元 {new_code}（{new_name}），含 {n} 条协同措施。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/unit_proposals.py" line="524"/>
        <source>County {county} has no free serial left for class {unit_class} (0001–9999 are taken).</source>
        <translation>区县 {county} 的第 {unit_class} 类单元已无可用序号（0001–9999 均已占用）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="120"/>
        <source>Choose at least one layer of element zones.</source>
        <translation>请至少选择一个要素管控分区图层。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/processing/delineation_algorithm.py" line="131"/>
        <source>The precedence table &apos;{path}&apos; cannot be read: {error}</source>
        <translation>无法读取优先级规则表“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/distributed.py" line="61"/>
        <source>Distributed runs need the Python packages dask and distributed, which cannot be imported here ({error}). Install them with the plugin's Install… dialog (Also install Dask) or install_dependencies.py --with-dask, or run without a scheduler address.</source>
        <translation>分布式运行需要 Python 包 dask 和 distributed，但此处无法导入（{error}）。请通过插件的“安装…”对话框（勾选“同时安装 Dask”）或 install_dependencies.py --with-dask 安装，或不填调度器地址在本机运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/distributed.py" line="134"/>
        <source>Grid &apos;{name}&apos; has {rows} x {cols} cells, not the {nrows} x {ncols} of the analysis grid.</source>
        <translation>栅格“{name}”为 {rows} × {cols} 个像元，与分析网格的 {nrows} × {ncols} 不一致。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/distributed.py" line="184"/>
        <source>The Dask scheduler at &apos;{address}&apos; cannot be reached within {seconds:g} s ({error}). Start it (dask scheduler) and its workers (dask worker {address}), check the address and the firewall, or run without a scheduler address.</source>
        <translation>在 {seconds:g} 秒内无法连接 '{address}' 的 Dask 调度器（{error}）。请启动调度器（dask scheduler）及其工作进程（dask worker {address}），检查地址和防火墙，或不填调度器地址在本机运行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/distributed.py" line="281"/>
        <source>Dask worker {worker} cannot read raster &apos;{path}&apos; (grid &apos;{name}&apos;): {reason}. Every worker must see the rasters at the same path as this computer (a shared folder mounted at the same place).</source>
        <translation>Dask 工作进程 {worker} 无法读取栅格“{path}”（栅格“{name}”）：{reason}。每个工作进程都必须能以与本机相同的路径访问这些栅格（共享文件夹挂载在相同位置）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/distributed.py" line="289"/>
        <source>The Dask workers of &apos;{address}&apos; cannot import JWJT ({error}). Start each worker with the folder that holds jwjt_plugin on PYTHONPATH, in a Python with shapely 2, numpy and GDAL.</source>
        <translation>'{address}' 的 Dask 工作进程无法导入 JWJT（{error}）。请在装有 shapely 2、numpy 和 GDAL 的 Python 中启动每个工作进程，并把包含 jwjt_plugin 的文件夹加入 PYTHONPATH。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/distributed.py" line="348"/>
        <source>Dask workers of &apos;{address}&apos; died while computing the overlay ({error}); most often they ran out of memory: give them more, or pass a smaller window height.</source>
        <translation>'{address}' 的 Dask 工作进程在计算叠加时退出（{error}）；最常见的原因是内存不足：请为其分配更多内存，或设置更小的窗口行数。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/parallel.py" line="33"/>
        <source>The number of worker threads must be 0 (all cores) or more, not {workers}.</source>
        <translation>工作线程数必须为 0（全部核心）或更大，而不是 {workers}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/readers/raster_source.py" line="118"/>
        <source>Rows {r0} to {r1} of raster &apos;{path}&apos; could not be read: {reason}</source>
        <translation>无法读取栅格“{path}”的第 {r0} 至 {r1} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/run_estimate.py" line="147"/>
        <source>About {memory} of memory and {time} on 1 core.</source>
        <translation>预计约需 {memory} 内存、{time}（1 个核心）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/run_estimate.py" line="147"/>
        <source>About {memory} of memory and {time} on {workers} cores.</source>
        <translation>预计约需 {memory} 内存、{time}（{workers} 个核心）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/run_estimate.py" line="160"/>
        <source>This run needs about {memory} of memory, more than the {free} free on this machine; it may make the computer very slow or stop. Close other programs, choose fewer worker threads, or run it on a larger machine. Run it anyway?</source>
        <translation>本次运行约需 {memory} 内存，超过本机当前可用的 {free}；计算机可能变得非常缓慢甚至停止响应。请关闭其他程序、减少工作线程数，或在内存更大的计算机上运行。仍要运行吗？</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/run_estimate.py" line="241"/>
        <source>{n:.0f} s</source>
        <translation>{n:.0f} 秒</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/run_estimate.py" line="243"/>
        <source>{n:.0f} min</source>
        <translation>{n:.0f} 分钟</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/run_estimate.py" line="244"/>
        <source>{n:.1f} h</source>
        <translation>{n:.1f} 小时</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/gistar_blocks.py" line="97"/>
        <source>Gi* on grid &apos;{name}&apos;: the neighbourhood radius must be at least 1 cell, not {radius}.</source>
        <translation>网格“{name}”的 Gi*：邻域半径至少为 1 个网格，而不是 {radius}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/gistar_blocks.py" line="102"/>
        <source>Gi* on grid &apos;{name}&apos;: the hotspot bin must be 1, 2 or 3 (90, 95 or 99 % confidence), not {min_bin}.</source>
        <translation>网格“{name}”的 Gi*：热点置信分级必须为 1、2 或 3（90%、95% 或 99% 置信度），而不是 {min_bin}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_layers.py" line="183"/>
        <source>Synergy flags layer &apos;{layer}&apos; has no field &apos;{field}&apos;; give the output of the synergy analysis (fields: {fields}).</source>
        <translation>协同识别结果图层“{layer}”没有字段“{field}”；请使用协同识别的输出图层（字段：{fields}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_layers.py" line="188"/>
        <source>Synergy flags layer &apos;{layer}&apos;: no unit code field found (fields: {fields}).</source>
        <translation>协同识别结果图层“{layer}”：未找到管控单元编码字段（字段：{fields}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_layers.py" line="251"/>
        <source>Every judged indicator passes</source>
        <translation>参评指标全部达标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_layers.py" line="252"/>
        <source>At least one indicator fails</source>
        <translation>至少一项指标不达标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_layers.py" line="253"/>
        <source>No indicator judged (no benchmark)</source>
        <translation>无参评指标（无基准值）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_accounting.py" line="108"/>
        <source>Park &apos;{park}&apos; ({id}) has no enterprise with activity data in any scenario; its totals are zero and its intensities undefined.</source>
        <translation>园区“{park}”（{id}）在任何情景下都没有有活动水平数据的企业；其排放合计为零，强度无法计算。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_accounting.py" line="141"/>
        <source>Park &apos;{park}&apos;, scenario &apos;{scenario}&apos;: enterprises without value added ({enterprises}); the park&apos;s intensity per value added is left undefined rather than computed on part of it.</source>
        <translation>园区“{park}”，情景“{scenario}”：部分企业缺少增加值（{enterprises}）；园区单位增加值碳排放强度不作计算，以免只按部分企业得出偏低的数值。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="87"/>
        <source>{table}: there is no field &apos;{field}&apos; (fields: {fields}).</source>
        <translation>{table}：没有字段“{field}”（现有字段：{fields}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="96"/>
        <source>{table}: no {role} field found; name it one of {names} or choose it.</source>
        <translation>{table}：未找到{role}字段；请将其命名为 {names} 之一，或手动选择。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="182"/>
        <source>{table} has no features.</source>
        <translation>{table}没有要素。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="128"/>
        <source>{table}: no park id or name field found; name one of {names} or choose it.</source>
        <translation>{table}：未找到园区编号或名称字段；请命名为 {names} 之一，或手动选择。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="140"/>
        <source>{table}, feature {feature}: the park id (&apos;{field}&apos;) is empty.</source>
        <translation>{table}，要素 {feature}：园区编号（“{field}”）为空。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="144"/>
        <source>{table}: park id &apos;{park}&apos; is used by features {first} and {feature}; park ids must be unique.</source>
        <translation>{table}：园区编号“{park}”同时用于要素 {first} 和 {feature}；园区编号必须唯一。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="149"/>
        <source>{table}, park &apos;{park}&apos; (feature {feature}): the geometry is empty or not a polygon.</source>
        <translation>{table}，园区“{park}”（要素 {feature}）：几何为空或不是面。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="199"/>
        <source>{table}, feature {feature}: the enterprise id (&apos;{field}&apos;) is empty.</source>
        <translation>{table}，要素 {feature}：企业编号（“{field}”）为空。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="203"/>
        <source>{table}: enterprise id &apos;{enterprise}&apos; is used by features {first} and {feature}; enterprise ids must be unique.</source>
        <translation>{table}：企业编号“{enterprise}”同时用于要素 {first} 和 {feature}；企业编号必须唯一。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="215"/>
        <source>{table}, enterprise &apos;{enterprise}&apos; (feature {feature}): park &apos;{park}&apos; is not in the park layer (parks: {parks}).</source>
        <translation>{table}，企业“{enterprise}”（要素 {feature}）：园区“{park}”不在园区图层中（园区：{parks}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="226"/>
        <source>{table}: {count} enterprise(s) lie outside every park and are left out of the park totals: {enterprises}.</source>
        <translation>{table}：{count} 家企业不在任何园区内，未计入园区合计：{enterprises}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="252"/>
        <source>Enterprise &apos;{enterprise}&apos; lies in parks {parks}, which overlap; it is counted in &apos;{park}&apos;. Give the enterprise a park field to choose.</source>
        <translation>企业“{enterprise}”位于相互重叠的园区 {parks} 内，计入“{park}”。如需指定，请为企业填写所属园区字段。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="267"/>
        <source>{table}, row {row} (enterprise &apos;{enterprise}&apos;, &apos;{item}&apos;): the amount is missing.</source>
        <translation>{table}，第 {row} 行（企业“{enterprise}”，“{item}”）：缺少数量。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="273"/>
        <source>{table}, row {row} (enterprise &apos;{enterprise}&apos;, &apos;{item}&apos;): the amount &apos;{value}&apos; is not a number.</source>
        <translation>{table}，第 {row} 行（企业“{enterprise}”，“{item}”）：数量“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="277"/>
        <source>{table}, row {row} (enterprise &apos;{enterprise}&apos;, &apos;{item}&apos;): the amount {value} is negative or not finite; activity data are quantities used or bought.</source>
        <translation>{table}，第 {row} 行（企业“{enterprise}”，“{item}”）：数量 {value} 为负数或不是有限值；活动水平数据应为消耗量或购入量。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="288"/>
        <source>{table}: items not in the factor table '{factors}': {items}. Use a fuel, process, electricity or heat of the table ({known}), 增加值/产值 or a pollutant (NOx, SO2, VOCs, PM2.5), or add a row to your own factor table.</source>
        <translation>{table}：以下项目不在排放因子表“{factors}”中：{items}。请使用表中的燃料、工业过程、电力或热力（{known}），增加值/产值或污染物（NOx、SO2、VOCs、PM2.5），或在自己的排放因子表中增加一行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="322"/>
        <source>{table}, row {row} (enterprise &apos;{enterprise}&apos;): the scenario / year is empty.</source>
        <translation>{table}，第 {row} 行（企业“{enterprise}”）：情景/年份为空。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="348"/>
        <source>{where}: the unit is empty; give the unit the amount is in (the factor is per &apos;{expected}&apos;).</source>
        <translation>{where}：单位为空；请填写数量的单位（排放因子以“{expected}”计）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="354"/>
        <source>{table}: rows {first} and {row} both give &apos;{item}&apos; for enterprise &apos;{enterprise}&apos; in scenario &apos;{scenario}&apos;; both are counted.</source>
        <translation>{table}：第 {first} 行和第 {row} 行都给出了企业“{enterprise}”在情景“{scenario}”的“{item}”；两行均计入。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="365"/>
        <source>{table}: enterprises not in the enterprise layer: {enterprises}.</source>
        <translation>{table}：以下企业不在企业图层中：{enterprises}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="371"/>
        <source>{table} has no activity rows.</source>
        <translation>{table}没有活动水平数据行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_carbon.py" line="50"/>
        <source>Give the base scenario (for example 2020).</source>
        <translation>请给出基准情景（例如 2020）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_carbon.py" line="52"/>
        <source>The number of largest sources must be at least 1, not {value}.</source>
        <translation>列出的最大排放源数量至少为 1，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_carbon.py" line="55"/>
        <source>The cross-check tolerance must be above 0, not {value}.</source>
        <translation>网格校核容差必须大于 0，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_carbon.py" line="127"/>
        <source>The activity table has no rows for the base scenario &apos;{base}&apos; (scenarios: {scenarios}).</source>
        <translation>活动水平表中没有基准情景“{base}”的数据（现有情景：{scenarios}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_carbon.py" line="132"/>
        <source>The activity table has no rows for the target scenario &apos;{target}&apos; (scenarios: {scenarios}).</source>
        <translation>活动水平表中没有目标情景“{target}”的数据（现有情景：{scenarios}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_carbon.py" line="150"/>
        <source>Only one scenario (&apos;{base}&apos;): no scenario change or co-control table.</source>
        <translation>只有一个情景（“{base}”）：不生成情景对比和协同控制表。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="91"/>
        <source>No {species} data for the park in scenario {period}.</source>
        <translation>园区在情景 {period} 中没有 {species} 数据。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="132"/>
        <source>Co-control: no park has {species} in scenario {base} or {target}; {species} is left out.</source>
        <translation>协同控制：情景 {base} 和 {target} 中没有园区给出 {species}；不分析 {species}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="153"/>
        <source>No {species} grid for scenario {scenario}.</source>
        <translation>情景 {scenario} 没有 {species} 网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="154"/>
        <source>The activity data give no {species} for the park in scenario {scenario}.</source>
        <translation>活动水平数据未给出园区在情景 {scenario} 中的 {species}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="156"/>
        <source>Grid &apos;{grid}&apos; has no CRS: the park cannot be placed on it.</source>
        <translation>网格“{grid}”没有坐标参考系：无法将园区叠加到该网格上。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="157"/>
        <source>The park has no polygon.</source>
        <translation>园区没有面几何。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="158"/>
        <source>Only {percent:.1f}% of the park lies on grid &apos;{grid}&apos;.</source>
        <translation>园区只有 {percent:.1f}% 位于网格“{grid}”范围内。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="159"/>
        <source>Both the accounted and the gridded amount are 0.</source>
        <translation>核算量与网格量均为 0。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="188"/>
        <source>Cross-check: grid &apos;{grid}&apos; has no CRS, so the parks cannot be placed on it; it is not compared.</source>
        <translation>交叉核验：网格“{grid}”没有坐标参考系，无法叠加园区；不作比较。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="194"/>
        <source>Cross-check: the parks layer has no CRS; its coordinates are taken to be in the grids&apos; CRS.</source>
        <translation>交叉核验：园区图层没有坐标参考系；其坐标按网格的坐标参考系处理。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="227"/>
        <source>Cross-check: the {species} grid of scenario {scenario} has no scenario in the activity data to compare with.</source>
        <translation>交叉核验：情景 {scenario} 的 {species} 网格在活动水平数据中没有对应情景可比较。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_cocontrol.py" line="289"/>
        <source>Cross-check: park '{park}', scenario {scenario}, {species}: the activity data give {accounted} t, the grid '{grid}' {gridded} t inside the park (ratio {ratio}, tolerance ±{tolerance}).</source>
        <translation>交叉核验：园区“{park}”，情景 {scenario}，{species}：活动水平数据核算为 {accounted} 吨，网格“{grid}”在园区内为 {gridded} 吨（比值 {ratio}，容差 ±{tolerance}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="44"/>
        <source>Fuel combustion</source>
        <translation>化石燃料燃烧</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="45"/>
        <source>Industrial processes</source>
        <translation>工业生产过程</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="46"/>
        <source>Purchased electricity</source>
        <translation>净购入电力</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="47"/>
        <source>Purchased heat</source>
        <translation>净购入热力</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="136"/>
        <source>{where}: the scenario names no year; the latest &apos;{key}&apos; factor ({used}) is used.</source>
        <translation>{where}：情景名称中没有年份；采用最新的“{key}”排放因子（{used}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="146"/>
        <source>{where}: the factor table has no &apos;{key}&apos; factor for {year}; the {used} factor ({ef} tCO2/{unit}) is used. Add a row for {year} to use another value.</source>
        <translation>{where}：排放因子表中没有 {year} 年的“{key}”因子；采用 {used} 年的因子（{ef} tCO2/{unit}）。如需使用其他数值，请为 {year} 年增加一行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="166"/>
        <source>Factor table &apos;{table}&apos;, row {row}: &apos;{column}&apos; is empty; this kind of factor needs it.</source>
        <translation>排放因子表“{table}”，第 {row} 行：“{column}”为空；此类因子需要该值。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="173"/>
        <source>Factor table &apos;{table}&apos;, row {row}: &apos;{column}&apos; is &apos;{value}&apos;, not a number.</source>
        <translation>排放因子表“{table}”，第 {row} 行：“{column}”为“{value}”，不是数字。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="177"/>
        <source>Factor table &apos;{table}&apos;, row {row}: &apos;{column}&apos; is {value}; factors must be zero or positive.</source>
        <translation>排放因子表“{table}”，第 {row} 行：“{column}”为 {value}；因子必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="190"/>
        <source>Factor table &apos;{table}&apos;, row {row}: &apos;key&apos; is empty.</source>
        <translation>排放因子表“{table}”，第 {row} 行：“key”为空。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="193"/>
        <source>Factor table &apos;{table}&apos;, row {row} (&apos;{key}&apos;): kind &apos;{kind}&apos; is not one of fuel, process, electricity, heat.</source>
        <translation>排放因子表“{table}”，第 {row} 行（“{key}”）：类别“{kind}”不是 fuel、process、electricity、heat 之一。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="199"/>
        <source>Factor table &apos;{table}&apos;, row {row} (&apos;{key}&apos;): unit &apos;{unit}&apos; does not suit a {kind} factor (use {expected}).</source>
        <translation>排放因子表“{table}”，第 {row} 行（“{key}”）：单位“{unit}”不适用于 {kind} 类因子（请使用 {expected}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="208"/>
        <source>Factor table &apos;{table}&apos;, row {row} (&apos;{key}&apos;): oxidation rate {value} is above 1; give it as a fraction (0.98, not 98).</source>
        <translation>排放因子表“{table}”，第 {row} 行（“{key}”）：碳氧化率 {value} 大于 1；请以小数表示（0.98，而不是 98）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="218"/>
        <source>Factor table &apos;{table}&apos;, row {row} (&apos;{key}&apos;): year &apos;{value}&apos; is not a year.</source>
        <translation>排放因子表“{table}”，第 {row} 行（“{key}”）：年份“{value}”不是有效年份。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="229"/>
        <source>Factor table &apos;{table}&apos; has no column {columns}; it needs the columns {expected}.</source>
        <translation>排放因子表“{table}”缺少列 {columns}；需要的列为 {expected}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="234"/>
        <source>Factor table &apos;{table}&apos; has no rows.</source>
        <translation>排放因子表“{table}”没有数据行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="238"/>
        <source>Factor table &apos;{table}&apos;: rows {first} and {row} both give &apos;{key}&apos;{year}; keep one.</source>
        <translation>排放因子表“{table}”：第 {first} 行和第 {row} 行都给出了“{key}”{year}；请保留一行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="244"/>
        <source>Factor table &apos;{table}&apos;, row {row} (&apos;{key}&apos;): &apos;source&apos; is empty; every factor must cite where it comes from.</source>
        <translation>排放因子表“{table}”，第 {row} 行（“{key}”）：“source”为空；每个因子都须注明来源。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_factors.py" line="252"/>
        <source>Factor table &apos;{table}&apos;: the name &apos;{name}&apos; belongs to {keys} (rows {rows}); a name must name one factor.</source>
        <translation>排放因子表“{table}”：名称“{name}”同时属于 {keys}（第 {rows} 行）；一个名称只能对应一个因子。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="46"/>
        <source>Total CO2 emissions</source>
        <translation>二氧化碳排放总量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="46"/>
        <source>Direct CO2 emissions</source>
        <translation>直接二氧化碳排放量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="46"/>
        <source>CO2 emissions per unit of value added</source>
        <translation>单位增加值碳排放强度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="46"/>
        <source>CO2 emissions per unit of land area</source>
        <translation>单位土地面积碳排放强度</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="46"/>
        <source>Change of CO2 emissions per unit of value added</source>
        <translation>单位增加值碳排放强度变化率</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="46"/>
        <source>Change of total CO2 emissions</source>
        <translation>碳排放总量变化率</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="46"/>
        <source>Share of the largest enterprise</source>
        <translation>最大排放企业占比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="196"/>
        <source>Benchmark table &apos;{table}&apos; has no &apos;{part}&apos; column (accepted: {names}).</source>
        <translation>基准表“{table}”没有“{part}”列（可用列名：{names}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="225"/>
        <source>Benchmark table &apos;{table}&apos;, row {row}: unknown indicator &apos;{value}&apos;; use one of: {known}.</source>
        <translation>基准表“{table}”第 {row} 行：未知指标“{value}”；请使用以下之一：{known}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="232"/>
        <source>Benchmark table '{table}', row {row}: comparison '{value}' is not one of &lt;=, ≤, &gt;=, ≥, &lt;, &gt;.</source>
        <translation>基准表“{table}”第 {row} 行：比较符“{value}”不是 &lt;=、≤、&gt;=、≥、&lt;、&gt; 之一。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="237"/>
        <source>Benchmark table &apos;{table}&apos;, row {row}: the benchmark value &apos;{value}&apos; is not a number.</source>
        <translation>基准表“{table}”第 {row} 行：基准值“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="245"/>
        <source>Benchmark table &apos;{table}&apos;, rows {first} and {row}: two benchmarks for indicator &apos;{value}&apos;, park &apos;{park}&apos;, scenario &apos;{scenario}&apos;; keep one.</source>
        <translation>基准表“{table}”第 {first} 行和第 {row} 行：指标“{value}”、园区“{park}”、情景“{scenario}”有两个基准，请只保留一个。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="257"/>
        <source>No value added is given for the park in scenario {scenario}.</source>
        <translation>园区在情景 {scenario} 中未给出增加值。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="258"/>
        <source>The value added of the park is {value} 万元 in scenario {scenario}: the intensity is undefined.</source>
        <translation>园区在情景 {scenario} 中的增加值为 {value} 万元：强度无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="260"/>
        <source>The park has no area: the land intensity is undefined.</source>
        <translation>园区面积为零：单位土地面积碳排放强度无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="261"/>
        <source>The park&apos;s total CO2 is {value} t in scenario {scenario}: the share is undefined.</source>
        <translation>园区在情景 {scenario} 中的二氧化碳排放总量为 {value} 吨：占比无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="263"/>
        <source>The park has no enterprise in scenario {scenario}.</source>
        <translation>园区在情景 {scenario} 中没有企业。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="264"/>
        <source>Largest: {name}.</source>
        <translation>最大排放企业：{name}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="265"/>
        <source>The park has no data for the base scenario {base}.</source>
        <translation>园区没有基准情景 {base} 的数据。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="266"/>
        <source>The {indicator} of the base scenario {base} is undefined or zero: the rate is undefined.</source>
        <translation>基准情景 {base} 的{indicator}无定义或为零：变化率无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="268"/>
        <source>The {indicator} of scenario {scenario} is undefined.</source>
        <translation>情景 {scenario} 的{indicator}无定义。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="269"/>
        <source>The {indicator} cannot be computed: a quantity it needs is missing in scenario {scenario}.</source>
        <translation>无法计算{indicator}：情景 {scenario} 缺少所需的数据。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="402"/>
        <source>Benchmark table &apos;{table}&apos;, row {row}: park &apos;{park}&apos; is not one of the parks (by id or name); the row is not used.</source>
        <translation>基准表“{table}”第 {row} 行：园区“{park}”不在园区图层中（按编号或名称）；该行未使用。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_indicators.py" line="406"/>
        <source>Benchmark table &apos;{table}&apos;, row {row}: scenario &apos;{scenario}&apos; is not in the activity data; the row is not used.</source>
        <translation>基准表“{table}”第 {row} 行：活动水平数据中没有情景“{scenario}”；该行未使用。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="67"/>
        <source>{table}, row {row}: give both the scenario and the scenario it is scaled from.</source>
        <translation>{table}，第 {row} 行：请同时给出情景及其推算所依据的情景。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="71"/>
        <source>{table}, row {row}: scenario &apos;{start}&apos; is not in the activity table (scenarios: {scenarios}).</source>
        <translation>{table}，第 {row} 行：情景“{start}”不在活动水平表中（现有情景：{scenarios}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="75"/>
        <source>{table}, row {row}: scenario &apos;{scenario}&apos; cannot be scaled from itself.</source>
        <translation>{table}，第 {row} 行：情景“{scenario}”不能由自身推算。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="79"/>
        <source>{table}, row {row}: scenario &apos;{scenario}&apos; is scaled from &apos;{start}&apos; here but from &apos;{other}&apos; in an earlier row; one scenario has one starting point.</source>
        <translation>{table}，第 {row} 行：情景“{scenario}”在此由“{start}”推算，而在前面的行中由“{other}”推算；一个情景只能有一个推算起点。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="88"/>
        <source>{table}, row {row}: the factor &apos;{value}&apos; is not a number of zero or more (1.2 = +20 %).</source>
        <translation>{table}，第 {row} 行：系数“{value}”不是大于等于零的数字（1.2 表示增加 20%）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="92"/>
        <source>{table}, row {row}: enterprise &apos;{enterprise}&apos; is not in the enterprise layer.</source>
        <translation>{table}，第 {row} 行：企业“{enterprise}”不在企业图层中。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="99"/>
        <source>{table}, row {row}: item &apos;{item}&apos; is not in the factor table &apos;{factors}&apos; nor value added or a pollutant.</source>
        <translation>{table}，第 {row} 行：项目“{item}”既不在排放因子表“{factors}”中，也不是增加值或污染物。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="104"/>
        <source>{table}, row {row}: give an enterprise or an industry, not both.</source>
        <translation>{table}，第 {row} 行：请给出企业或行业之一，不要同时给出。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="108"/>
        <source>{table}: rows {first} and {row} scale the same thing in scenario &apos;{scenario}&apos;; keep one.</source>
        <translation>{table}：第 {first} 行和第 {row} 行在情景“{scenario}”中推算同一对象；请保留一行。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="170"/>
        <source>Scenario &apos;{scenario}&apos;: {count} enterprise(s) have their own rows in the activity table and are not scaled from &apos;{start}&apos;.</source>
        <translation>情景“{scenario}”：{count} 家企业在活动水平表中有自己的数据，不由“{start}”推算。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_suggestions.py" line="36"/>
        <source>Industry in the park: {industry} ({enterprises}).</source>
        <translation>园区内有该行业：{industry}（{enterprises}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_suggestions.py" line="37"/>
        <source>Intensity benchmark not met: {failures}.</source>
        <translation>未达到强度基准：{failures}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_suggestions.py" line="38"/>
        <source>Industry in the park: {industry} ({enterprises}); intensity benchmark not met: {failures}.</source>
        <translation>园区内有该行业：{industry}（{enterprises}）；未达到强度基准：{failures}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_suggestions.py" line="131"/>
        <source>Parks without control units ({parks}): their suggested requirements are listed for the park (unit code empty).</source>
        <translation>园区未关联管控单元（{parks}）：建议要求按园区列出（单元编码为空）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_suggestions.py" line="159"/>
        <source>Suggestions: the industry of {n} enterprises is not a GB/T 4754-2017 code or a known industry word, so only measures naming it exactly apply: {enterprises}.</source>
        <translation>准入建议：{n} 家企业的行业既不是 GB/T 4754-2017 代码也不是已知行业名称，只匹配行业名称完全相同的措施：{enterprises}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_tables.py" line="24"/>
        <source>The {table} file &apos;{path}&apos; does not exist.</source>
        <translation>{table}文件“{path}”不存在。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_tables.py" line="30"/>
        <source>Reading &apos;{path}&apos; needs the Python package openpyxl; save the {table} as CSV or install it.</source>
        <translation>读取“{path}”需要 Python 包 openpyxl；请将{table}另存为 CSV，或安装该包。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_tables.py" line="45"/>
        <source>The {table} file &apos;{path}&apos; cannot be read: {error}</source>
        <translation>无法读取{table}文件“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_tables.py" line="47"/>
        <source>The {table} file &apos;{path}&apos; is neither UTF-8 nor GBK text: {error}</source>
        <translation>{table}文件“{path}”既不是 UTF-8 也不是 GBK 文本：{error}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_units.py" line="108"/>
        <source>{where}: unit &apos;{unit}&apos; is not known; use one of {known}.</source>
        <translation>{where}：无法识别单位“{unit}”；请使用以下之一：{known}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_units.py" line="111"/>
        <source>{where}: unit &apos;{unit}&apos; is not known; for this item use a unit of {dimension} such as {example}.</source>
        <translation>{where}：无法识别单位“{unit}”；此项目请使用{dimension}单位，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_units.py" line="115"/>
        <source>{where}: unit &apos;{unit}&apos; is {got}, but the factor is per &apos;{expected}&apos; ({dimension}); give the amount in a unit of {dimension} such as {example}.</source>
        <translation>{where}：单位“{unit}”属于{got}，但排放因子以“{expected}”（{dimension}）计；请以{dimension}单位给出数量，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_workbook.py" line="183"/>
        <source>The output &apos;{path}&apos; is one of the inputs; choose another file name.</source>
        <translation>输出文件“{path}”是输入文件之一，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_workbook.py" line="187"/>
        <source>The folder of the output &apos;{path}&apos; does not exist: {folder}</source>
        <translation>输出文件“{path}”所在的文件夹不存在：{folder}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_workbook.py" line="190"/>
        <source>The output &apos;{path}&apos; cannot be written (no permission in {folder}).</source>
        <translation>无法写出输出文件“{path}”（没有文件夹 {folder} 的写入权限）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_workbook.py" line="209"/>
        <source>The workbook &apos;{path}&apos;: use a .xlsx file name.</source>
        <translation>评价工作簿“{path}”：请使用 .xlsx 文件名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_workbook.py" line="229"/>
        <source>The output &apos;{path}&apos; cannot be written ({error}).</source>
        <translation>无法写出输出文件“{path}”（{error}）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_layers.py" line="204"/>
        <source>Grid &apos;{name}&apos;: its name gives no species or no scenario year; name the file like co2_2020 or nox_2035.</source>
        <translation>网格“{name}”：名称中没有物质或情景年份；请将文件命名为 co2_2020、nox_2035 等形式。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_layers.py" line="207"/>
        <source>Grid &apos;{name}&apos; holds the sector &apos;{sector}&apos; only; the cross-check compares the parks with total grids, so it is not used.</source>
        <translation>网格“{name}”只含“{sector}”部门；网格校核用园区与总量网格比较，因此未使用该网格。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="226"/>
        <source>Industrial-park carbon assessment</source>
        <translation>产业园区碳排放评价</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="334"/>
        <source>Parks and enterprises</source>
        <translation>园区与企业分布</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="342"/>
        <source>Parks assessed</source>
        <translation>评价园区概况</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="330"/>
        <source>{n} parks, {m} enterprises; base scenario {base}, target {target}</source>
        <translation>{n} 个园区、{m} 家企业；基准情景 {base}，目标情景 {target}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="351"/>
        <source>Carbon accounting</source>
        <translation>碳排放核算</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="351"/>
        <source>CO2 by source (combustion, process, purchased electricity and heat) and the largest enterprises in {scenario}</source>
        <translation>分排放源（化石燃料燃烧、工业生产过程、净购入电力和热力）CO2排放量及{scenario}重点排放企业</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="381"/>
        <source>Indicators against their benchmarks</source>
        <translation>碳排放评价指标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="381"/>
        <source>{passed} pass, {failed} fail, {other} without a benchmark or value</source>
        <translation>达标 {passed} 项，不达标 {failed} 项，无基准值或无法计算 {other} 项</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="400"/>
        <source>Pollution–carbon co-control and cross-check</source>
        <translation>减污降碳协同与网格校核</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="400"/>
        <source>Reduction rates {base}→{target}; accounted emissions against the emission grids</source>
        <translation>{base}→{target} 减排率；核算排放量与排放网格统计量对比</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="406"/>
        <source>Co-control</source>
        <translation>减污降碳协同</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="411"/>
        <source>Cross-check against the emission grids</source>
        <translation>排放网格校核</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="288"/>
        <source>{n} more rows: see the workbook.</source>
        <translation>另有 {n} 行，见评价工作簿。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="417"/>
        <source>{n} suggested access-list requirements (see the workbook).</source>
        <translation>生态环境准入清单建议 {n} 条（见评价工作簿）。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="339"/>
        <source>No geometry of the parks: the map is left out.</source>
        <translation>无园区空间数据，未绘制分布图。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="517"/>
        <source>Enterprise (marker area: CO2 in {scenario})</source>
        <translation>企业（符号面积：{scenario} CO2排放量）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="233"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="231"/>
        <source>JWJT · {date}</source>
        <translation>JWJT 三线一单减污降碳协同管控 · {date}</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="366"/>
        <source>The largest enterprises of {n} more parks are in the workbook.</source>
        <translation>其余 {n} 个园区的重点排放企业见评价工作簿。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_report.py" line="148"/>
        <source>The report &apos;{path}&apos;: use a .pdf file name.</source>
        <translation>报告“{path}”：请使用 .pdf 文件名。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="122"/>
        <source>Park layer &apos;{layer}&apos;</source>
        <translation>园区图层“{layer}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="180"/>
        <source>Enterprise layer &apos;{layer}&apos;</source>
        <translation>企业图层“{layer}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="302"/>
        <source>Activity table &apos;{table}&apos;</source>
        <translation>活动水平表“{table}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_activity.py" line="333"/>
        <source>{table}, row {row} (enterprise &apos;{enterprise}&apos;, &apos;{item}&apos;)</source>
        <translation>{table}，第 {row} 行（企业“{enterprise}”，“{item}”）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="158"/>
        <source>{table}, scenario &apos;{scenario}&apos;</source>
        <translation>{table}，情景“{scenario}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="51"/>
        <source>CO2 emissions by source and scenario</source>
        <translation>分排放源、分情景二氧化碳排放量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="52"/>
        <source>CO2 (t)</source>
        <translation>CO2排放量（t）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="53"/>
        <source>Largest emitters of {park} in {scenario}</source>
        <translation>{park}重点排放企业（{scenario}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="54"/>
        <source>Share of the park&apos;s CO2 (%)</source>
        <translation>占园区碳排放比例（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="55"/>
        <source>Indicators against their benchmarks ({scenario})</source>
        <translation>碳排放评价指标与基准值对比（{scenario}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="56"/>
        <source>Benchmark</source>
        <translation>基准值</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="57"/>
        <source>Meets benchmark</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="58"/>
        <source>Misses benchmark</source>
        <translation>不达标</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="59"/>
        <source>No benchmark</source>
        <translation>无基准值</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="60"/>
        <source>Synergy coordinates of the parks, {base}→{target}</source>
        <translation>园区减污降碳协同控制效应坐标（{base}→{target}）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="61"/>
        <source>CO2 reduction rate (%)</source>
        <translation>CO2减排率（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="62"/>
        <source>Pollutant reduction rate (%)</source>
        <translation>污染物减排率（%）</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="63"/>
        <source>I both fall</source>
        <translation>Ⅰ 协同减排</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="63"/>
        <source>II pollutants fall</source>
        <translation>Ⅱ 污染物减、碳增</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="63"/>
        <source>IV CO2 falls</source>
        <translation>Ⅳ 碳减、污染物增</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_charts.py" line="65"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_scenarios.py" line="139"/>
        <source>Scenario scale table &apos;{table}&apos;</source>
        <translation>情景推算表“{table}”</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_units.py" line="31"/>
        <source>mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_units.py" line="32"/>
        <source>gas volume</source>
        <translation>气体体积</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_units.py" line="33"/>
        <source>electricity</source>
        <translation>电量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_units.py" line="34"/>
        <source>heat</source>
        <translation>热量</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/core/park_units.py" line="35"/>
        <source>money</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_requirements.py" line="42"/>
        <source>Layer &apos;{layer}&apos; has no unit code field: map it first.</source>
        <translation>图层“{layer}”没有管控单元编码字段：请先设置字段映射。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_requirements.py" line="48"/>
        <source>Layer &apos;{layer}&apos; has no field mapped for the dimension(s) {dimensions}: nothing was written.</source>
        <translation>图层“{layer}”没有为维度 {dimensions} 映射字段：未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_requirements.py" line="54"/>
        <source>Unit code(s) {codes} not found in field &apos;{field}&apos; of layer &apos;{layer}&apos;: nothing was written.</source>
        <translation>在图层“{layer}”的字段“{field}”中找不到管控单元编码 {codes}：未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../jwjt_plugin/adapters/park_requirements.py" line="83"/>
        <source>Layer &apos;{layer}&apos; refused the change of feature {fid}: nothing was written.</source>
        <translation>图层“{layer}”拒绝修改要素 {fid}：未写入任何内容。</translation>
    </message>
</context>
</TS>
